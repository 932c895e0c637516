package castle.sinks.jdbc.auth;

/**
 * A database user and the password to present now (a fixed password, a short-lived IAM token, or the
 * current value of a rotated secret). {@link #toString()} never shows the password.
 */
public record Credentials(String user, String password) {

  @Override
  public String toString() {
    return "Credentials[user=" + user + "]";
  }
}
