package castle.bench.binance;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs requests the way Binance clients do: lowercase hex HMAC-SHA256 of query string + body. */
public final class RequestSigner {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RequestSigner() {}

  /** The signature of {@code totalParams} (the query string followed directly by the body). */
  public static String sign(String secret, String totalParams) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(totalParams.getBytes(StandardCharsets.UTF_8));
      char[] hex = new char[digest.length * 2];
      for (int i = 0; i < digest.length; i++) {
        hex[2 * i] = HEX[(digest[i] >> 4) & 0xF];
        hex[2 * i + 1] = HEX[digest[i] & 0xF];
      }
      return new String(hex);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** {@code params} with {@code timestamp}, {@code recvWindow} and the {@code signature} appended last. */
  public static String signedQuery(String secret, String params, long timestampMs, long recvWindowMs) {
    String unsigned = (params.isEmpty() ? "" : params + "&") + "recvWindow=" + recvWindowMs + "&timestamp=" + timestampMs;
    return unsigned + "&signature=" + sign(secret, unsigned);
  }
}
