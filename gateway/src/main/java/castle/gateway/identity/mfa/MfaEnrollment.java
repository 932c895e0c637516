package castle.gateway.identity.mfa;

import castle.gateway.security.SecretBox;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;

/**
 * A pending MFA enrollment carried by the client instead of held by the gateway: the new seed, the
 * user and an expiry, sealed with the gateway's {@link SecretBox} into an opaque token. Any gateway
 * instance can finish the enrollment, and a token cannot be read, altered or used by another user.
 */
public final class MfaEnrollment {

  /** How long a user has to confirm a new seed with a code. */
  public static final long VALID_MS = 10 * 60 * 1000L;

  private static final Base64.Encoder TOKEN = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder TOKEN_DECODER = Base64.getUrlDecoder();

  private final SecretBox box;

  /** Enrollments sealed with {@code box}. */
  public MfaEnrollment(SecretBox box) {
    this.box = box;
  }

  /** A token for confirming {@code seed} as {@code userId}'s until {@code nowMs} + {@link #VALID_MS}. */
  public String token(long userId, byte[] seed, long nowMs) {
    ByteBuffer plain = ByteBuffer.allocate(16 + seed.length).putLong(userId).putLong(nowMs + VALID_MS).put(seed);
    return TOKEN.encodeToString(box.seal(plain.array()));
  }

  /** The seed in {@code token}, if it was issued to {@code userId} and has not expired. */
  public Optional<byte[]> seed(String token, long userId, long nowMs) {
    byte[] plain;
    try {
      plain = box.open(TOKEN_DECODER.decode(token));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (plain.length != 16 + Totp.SEED_BYTES) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.wrap(plain);
    if (buffer.getLong() != userId || buffer.getLong() < nowMs) {
      return Optional.empty();
    }
    byte[] seed = new byte[Totp.SEED_BYTES];
    buffer.get(seed);
    return Optional.of(seed);
  }
}
