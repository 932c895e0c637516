package castle.gateway.binance.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binance's request signature: lower-case hex of HMAC-SHA256 over {@code totalParams}, the raw query
 * string followed directly by the raw body, each without its {@code signature} parameter. The bytes
 * are used exactly as received, never decoded, re-ordered or re-encoded, so a client's own
 * parameter order and percent-encoding are what it signs.
 */
public final class RequestSignature {

  private static final String SIGNATURE_PREFIX = "signature=";
  private static final HexFormat HEX = HexFormat.of();

  private RequestSignature() {}

  /** The signed bytes: raw query then raw body, without the signature parameter. */
  public static byte[] totalParams(String rawQuery, byte[] rawBody) {
    // ISO-8859-1 maps every byte to one char and back, so the body's bytes survive untouched.
    String body = new String(rawBody, StandardCharsets.ISO_8859_1);
    return (withoutSignature(rawQuery) + withoutSignature(body)).getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Lower-case hex HMAC-SHA256 of {@code payload} under {@code secret}. */
  public static String sign(byte[] secret, byte[] payload) {
    return HEX.formatHex(hmac(secret, payload));
  }

  /** Whether {@code signatureHex} is the signature of {@code payload}, compared in constant time. */
  public static boolean matches(byte[] secret, byte[] payload, String signatureHex) {
    byte[] presented;
    try {
      presented = HEX.parseHex(signatureHex);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(hmac(secret, payload), presented);
  }

  private static byte[] hmac(byte[] secret, byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static String withoutSignature(String raw) {
    if (!raw.contains(SIGNATURE_PREFIX)) {
      return raw;
    }
    StringJoiner kept = new StringJoiner("&");
    for (String pair : raw.split("&", -1)) {
      if (!pair.startsWith(SIGNATURE_PREFIX)) {
        kept.add(pair);
      }
    }
    return kept.toString();
  }
}
