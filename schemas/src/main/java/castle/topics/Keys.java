package castle.topics;

/** Builds topic keys, so every producer of a topic keys its records the same way. */
public final class Keys {

  private Keys() {}

  /** The key of an account (or user) id: its decimal digits. */
  public static String account(long accountId) {
    return Long.toString(accountId);
  }

  /** The account id in a key made by {@link #account(long)}. */
  public static long accountId(String key) {
    return Long.parseLong(key);
  }

  /** The key of a user's email: trimmed and lower case, so one address is one user. */
  public static String email(String email) {
    return email.trim().toLowerCase(java.util.Locale.ROOT);
  }
}
