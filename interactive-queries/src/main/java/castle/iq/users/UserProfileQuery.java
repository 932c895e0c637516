package castle.iq.users;

import castle.schema.users.UserRecord;

/** {@value #NAME}: a user's profile by normalized email, or null. */
public final class UserProfileQuery extends UserStoreQuery<UserProfile> {

  /** The query's name on the internal routes. */
  public static final String NAME = "users.profile";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Class<UserProfile> resultType() {
    return UserProfile.class;
  }

  @Override
  UserProfile view(UserRecord user) {
    return UserProfile.of(user);
  }
}
