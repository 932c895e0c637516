package castle.gateway.identity.token;

/** A bearer token that must not be trusted; the message says why, for the logs only. */
public final class InvalidTokenException extends Exception {

  /** With the reason. */
  public InvalidTokenException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
