package castle.gateway.identity;

import castle.gateway.api.ApiException;
import castle.users.UserRefusal;

/**
 * The errors of Castle's native identity API ({@code /v1}), in the contract's {@code {code, msg}}
 * form. Codes -7001.. are the users topology's refusals ({@link UserRefusal}); -71xx are the
 * gateway's own. Where Binance has a code for the same situation (-1002, -1100, -1102) it is reused.
 */
public final class IdentityErrors {

  private IdentityErrors() {}

  /** -1002, 401: no valid bearer token. */
  public static ApiException notAuthenticated() {
    return new ApiException(401, -1002, "You are not authorized to execute this request.");
  }

  /** -1002, 403: authenticated, but the route needs a role the user lacks. */
  public static ApiException forbidden() {
    return new ApiException(403, -1002, "You are not authorized to execute this request.");
  }

  /** -7101: the password breaks the policy. */
  public static ApiException weakPassword(String rule) {
    return new ApiException(400, -7101, rule);
  }

  /** -7102: unknown email or wrong password (deliberately the same answer). */
  public static ApiException invalidCredentials() {
    return new ApiException(401, -7102, "Invalid email or password.");
  }

  /** -7103: MFA is on and no code was sent. */
  public static ApiException mfaRequired() {
    return new ApiException(401, -7103, "MFA code required.");
  }

  /** -7104: the TOTP code is wrong, expired or already used. */
  public static ApiException invalidMfaCode() {
    return new ApiException(401, -7104, "Invalid MFA code.");
  }

  /** -7105: the enrollment token is not one this gateway issued to this user, or it expired. */
  public static ApiException invalidEnrollment() {
    return new ApiException(400, -7105, "Invalid or expired MFA enrollment.");
  }

  /** -7106: the endpoint does not apply in the configured authentication mode. */
  public static ApiException notInThisMode(String what) {
    return new ApiException(400, -7106, what);
  }

  /** -7107: not a usable email address. */
  public static ApiException invalidEmail() {
    return new ApiException(400, -7107, "Invalid email address.");
  }

  /** The API error for a refusal of the users topology, by its reason text. */
  public static ApiException refused(String reason) {
    UserRefusal refusal = UserRefusal.fromMessage(reason).orElse(UserRefusal.INVALID_COMMAND);
    int status = switch (refusal) {
      case UNKNOWN_USER, UNKNOWN_API_KEY -> 404;
      case INVALID_COMMAND -> 400;
      default -> 409;
    };
    return new ApiException(status, refusal.code(), refusal.message());
  }
}
