package castle.users;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why the users topology refused a command. The message travels as the {@code reason} of a
 * COMMAND_REJECTED event; the gateway maps it back to the code, so both sides agree on one list.
 */
public enum UserRefusal {
  EMAIL_TAKEN(-7001, "Email is already registered."),
  UNKNOWN_USER(-7002, "Unknown user."),
  KYC_ALREADY_PENDING(-7003, "KYC is already pending review."),
  KYC_ALREADY_VERIFIED(-7004, "KYC is already verified."),
  KYC_NOT_PENDING(-7005, "KYC is not pending review."),
  MFA_ALREADY_ENABLED(-7006, "MFA is already enabled."),
  MFA_NOT_ENABLED(-7007, "MFA is not enabled."),
  UNKNOWN_API_KEY(-7008, "Unknown API key."),
  API_KEY_ALREADY_REVOKED(-7009, "API key is already revoked."),
  TOO_MANY_API_KEYS(-7010, "Too many API keys; revoke one first."),
  DUPLICATE_API_KEY(-7011, "API key already exists."),
  INVALID_COMMAND(-7012, "Invalid command.");

  private final int code;
  private final String message;

  UserRefusal(int code, String message) {
    this.code = code;
    this.message = message;
  }

  /** The API error code (negative). */
  public int code() {
    return code;
  }

  /** The exact reason text. */
  public String message() {
    return message;
  }

  /** The refusal whose message is {@code reason}. */
  public static Optional<UserRefusal> fromMessage(String reason) {
    return Arrays.stream(values()).filter(r -> r.message.equals(reason)).findFirst();
  }
}
