package castle.gateway.identity.mfa;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps implement them: HMAC-SHA1, six
 * digits, 30-second steps. A code is accepted one step early or late, to allow for clock drift and
 * typing time.
 */
public final class Totp {

  /** Digits of a code. */
  public static final int DIGITS = 6;

  /** Seconds per step. */
  public static final int PERIOD_SECONDS = 30;

  /** Steps accepted on either side of the current one. */
  static final int DRIFT_STEPS = 1;

  /** Bytes of a seed: 160 bits, as RFC 4226 recommends for HMAC-SHA1. */
  static final int SEED_BYTES = 20;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** A fresh random seed. */
  public static byte[] newSeed() {
    byte[] seed = new byte[SEED_BYTES];
    RANDOM.nextBytes(seed);
    return seed;
  }

  /** The step that contains {@code epochMs}. */
  public static long step(long epochMs) {
    return Math.floorDiv(epochMs, PERIOD_SECONDS * 1000L);
  }

  /** The code for one step, zero-padded to {@value #DIGITS} digits. */
  public static String code(byte[] seed, long step) {
    return code(seed, step, DIGITS);
  }

  static String code(byte[] seed, long step, int digits) {
    byte[] hmac;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(seed, "HmacSHA1"));
      hmac = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is unavailable", e);
    }
    int offset = hmac[hmac.length - 1] & 0x0f;
    int binary = ((hmac[offset] & 0x7f) << 24) | ((hmac[offset + 1] & 0xff) << 16)
        | ((hmac[offset + 2] & 0xff) << 8) | (hmac[offset + 3] & 0xff);
    int otp = binary % (int) Math.pow(10, digits);
    StringBuilder text = new StringBuilder(Integer.toString(otp));
    while (text.length() < digits) {
      text.insert(0, '0');
    }
    return text.toString();
  }

  /** The step whose code is {@code code}, within the drift around {@code nowMs}; empty if none matches. */
  public static OptionalLong matchingStep(byte[] seed, String code, long nowMs) {
    if (code == null || code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    byte[] presented = code.getBytes(StandardCharsets.US_ASCII);
    long current = step(nowMs);
    for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
      if (MessageDigest.isEqual(presented, code(seed, step).getBytes(StandardCharsets.US_ASCII))) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  /** The seed in base32 without padding, as authenticator apps accept it for manual entry. */
  public static String base32(byte[] seed) {
    return Base32.toBase32String(seed).replace("=", "");
  }

  /** The {@code otpauth://} URI an authenticator app scans from a QR code. */
  public static String otpauthUri(String issuer, String account, byte[] seed) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/" + label + "?secret=" + base32(seed) + "&issuer=" + encode(issuer)
        + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + PERIOD_SECONDS;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
