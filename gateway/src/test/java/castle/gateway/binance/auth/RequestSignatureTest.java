package castle.gateway.binance.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Binance's published signing examples (SIGNED endpoint security, HMAC keys). */
class RequestSignatureTest {

  static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
  static final String QUERY =
      "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
  static final String SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";

  @Test
  void signsBinancesExample() {
    assertThat(RequestSignature.sign(bytes(SECRET), bytes(QUERY))).isEqualTo(SIGNATURE);
    assertThat(RequestSignature.matches(bytes(SECRET), bytes(QUERY), SIGNATURE)).isTrue();
    assertThat(RequestSignature.matches(bytes(SECRET), bytes(QUERY), SIGNATURE.toUpperCase())).isTrue();
  }

  @Test
  void totalParamsIsTheQueryFollowedDirectlyByTheBodyWithoutTheSignature() {
    String query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC";
    String body = "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

    byte[] inBody = RequestSignature.totalParams(query, bytes(body + "&signature=abc"));
    byte[] inQuery = RequestSignature.totalParams(query + "&signature=abc", bytes(body));

    assertThat(new String(inBody, StandardCharsets.ISO_8859_1)).isEqualTo(query + body);
    assertThat(inQuery).isEqualTo(inBody);
    assertThat(RequestSignature.totalParams(QUERY + "&signature=" + SIGNATURE, new byte[0])).isEqualTo(bytes(QUERY));
  }

  @Test
  void refusesAnythingButTheExactBytes() {
    String reordered = "side=BUY&symbol=LTCBTC&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
    String reencoded = QUERY.replace("price=0.1", "price=0%2E1");

    assertThat(RequestSignature.matches(bytes(SECRET), bytes(reordered), SIGNATURE)).isFalse();
    assertThat(RequestSignature.matches(bytes(SECRET), bytes(reencoded), SIGNATURE)).isFalse();
    assertThat(RequestSignature.matches(bytes(SECRET), bytes(QUERY), "not-hex")).isFalse();
    assertThat(RequestSignature.matches(bytes(SECRET), bytes(QUERY), SIGNATURE.substring(2))).isFalse();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
