package castle.gateway.identity.users;

import castle.gateway.api.ApiException;
import castle.gateway.identity.IdentityErrors;
import castle.iq.StoreQueries;
import castle.iq.StoreQuery;
import castle.iq.StoreUnavailableException;
import castle.iq.users.UserCredentials;
import castle.iq.users.UserCredentialsQuery;
import castle.iq.users.UserProfile;
import castle.iq.users.UserProfileQuery;
import castle.topics.Keys;
import castle.users.UserRefusal;
import java.util.Map;
import java.util.Optional;

/**
 * Reads users from the users app's store through interactive queries, wherever the owning instance
 * runs. While state moves between instances the answer is a 503, never a wrong "unknown user".
 */
public final class UserDirectory {

  private static final UserProfileQuery PROFILE = new UserProfileQuery();
  private static final UserCredentialsQuery CREDENTIALS = new UserCredentialsQuery();

  private final StoreQueries queries;

  /** Users read through {@code queries}. */
  public UserDirectory(StoreQueries queries) {
    this.queries = queries;
  }

  /** The profile of the user with {@code email}. */
  public Optional<UserProfile> profile(String email) {
    return ask(PROFILE, email);
  }

  /** The profile of a user who must exist, else 404 with the topology's "Unknown user." refusal. */
  public UserProfile existing(String email) {
    return profile(email).orElseThrow(() -> IdentityErrors.refused(UserRefusal.UNKNOWN_USER.message()));
  }

  /** The login credentials of the user with {@code email}. */
  public Optional<UserCredentials> credentials(String email) {
    return ask(CREDENTIALS, email);
  }

  private <R> Optional<R> ask(StoreQuery<R> query, String email) {
    try {
      return Optional.ofNullable(queries.byKey(query, Keys.email(email), Map.of()));
    } catch (StoreUnavailableException e) {
      throw ApiException.backendUnavailable();
    }
  }
}
