package castle.iq.users;

import castle.schema.users.Role;
import castle.schema.users.UserRecord;
import java.nio.ByteBuffer;

/**
 * What a gateway needs to log a user in: the password's PHC hash and the sealed TOTP seed. Neither
 * is a plaintext secret, but both stay on the internal query routes and are never shown to a client.
 */
public record UserCredentials(
    long userId, String email, Role role, String passwordHash, String externalSubject, byte[] sealedTotpSecret) {

  /** The credentials of a stored user. */
  public static UserCredentials of(UserRecord user) {
    return new UserCredentials(
        user.getUserId(), user.getEmail(), user.getRole(), user.getPasswordHash(), user.getExternalSubject(),
        bytes(user.getEncryptedTotpSecret()));
  }

  /** Whether login needs a TOTP code. */
  public boolean mfaEnabled() {
    return sealedTotpSecret != null;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    if (buffer == null) {
      return null;
    }
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
