package castle.gateway.identity;

import castle.topics.Keys;
import java.util.regex.Pattern;

/**
 * The emails Castle accepts as user names: one {@code @}, a dotted domain, no spaces or control
 * characters, at most 254 characters (RFC 5321). Normalized to lower case, so one mailbox is one user.
 */
public final class EmailAddress {

  /** Longest address. */
  public static final int MAX_LENGTH = 254;

  private static final Pattern SHAPE =
      Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  private EmailAddress() {}

  /** The normalized address, or -7107 when it is not one. */
  public static String normalize(String email) {
    String normalized = Keys.email(email);
    if (normalized.length() > MAX_LENGTH || !SHAPE.matcher(normalized).matches()) {
      throw IdentityErrors.invalidEmail();
    }
    return normalized;
  }
}
