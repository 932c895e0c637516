package castle.iq.users;

import castle.schema.users.UserRecord;

/** {@value #NAME}: a user's login credentials by normalized email, or null. */
public final class UserCredentialsQuery extends UserStoreQuery<UserCredentials> {

  /** The query's name on the internal routes. */
  public static final String NAME = "users.credentials";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Class<UserCredentials> resultType() {
    return UserCredentials.class;
  }

  @Override
  UserCredentials view(UserRecord user) {
    return UserCredentials.of(user);
  }
}
