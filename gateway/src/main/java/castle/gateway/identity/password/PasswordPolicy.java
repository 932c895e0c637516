package castle.gateway.identity.password;

import castle.gateway.identity.IdentityErrors;

/**
 * What a new password must be, after NIST SP 800-63B: long enough to resist guessing, without
 * composition rules, and bounded so that hashing it stays bounded.
 */
public final class PasswordPolicy {

  /** Fewest characters. */
  public static final int MIN_LENGTH = 10;

  /** Most characters. */
  public static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  /** Refuses a password that breaks the policy, with the rule it breaks. */
  public static void check(String password, String email) {
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw IdentityErrors.weakPassword("Password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
    }
    if (password.isBlank() || password.equalsIgnoreCase(email)) {
      throw IdentityErrors.weakPassword("Password is too easy to guess.");
    }
  }
}
