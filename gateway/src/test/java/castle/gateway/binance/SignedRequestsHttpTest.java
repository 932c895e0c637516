package castle.gateway.binance;

import static org.assertj.core.api.Assertions.assertThat;

import castle.gateway.binance.TestGateway.Reply;
import castle.gateway.binance.limits.RateLimitSettings;
import castle.schema.users.ApiPermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signed requests over HTTP, against a gateway whose clock stands just after the timestamp of
 * Binance's published signing example, so the example's own requests and signatures are used
 * unchanged: the query-string form, the body form and the mixed query-plus-body form.
 */
class SignedRequestsHttpTest {

  static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
  static final String EXAMPLE =
      "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
  static final String EXAMPLE_SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";
  static final String SPLIT_QUERY = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC";
  static final String SPLIT_BODY = "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
  static final String SPLIT_SIGNATURE = "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77";
  static final String READ_KEY = "readOnlyKey0000000000000000000000000000000000000000000000000001";
  static final String REVOKED_KEY = "revokedKey00000000000000000000000000000000000000000000000000001";
  static final String OTHER_SECRET = "another-secret";
  static final long EXAMPLE_TIME = 1499827319559L;

  static TestTopics topics;
  static TestGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    topics = TestTopics.create("signing");
    topics.publish(TestMarkets.ltcbtc());
    topics.publish(TestMarkets.key(API_KEY, SECRET, 1001, ApiPermission.TRADE, false));
    topics.publish(TestMarkets.key(READ_KEY, OTHER_SECRET, 1002, ApiPermission.READ, false));
    topics.publish(TestMarkets.key(REVOKED_KEY, OTHER_SECRET, 1003, ApiPermission.TRADE, true));
    Clock justAfterExample = Clock.fixed(Instant.ofEpochMilli(EXAMPLE_TIME + 100), ZoneOffset.UTC);
    gateway = TestGateway.start(topics, 1, RateLimitSettings.binance(), Duration.ofSeconds(5), justAfterExample);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void acceptsBinancesExampleInTheQueryInTheBodyAndSplitBetweenThem() throws Exception {
    Reply inQuery = test(EXAMPLE + "&signature=" + EXAMPLE_SIGNATURE, "", API_KEY);
    Reply inBody = test("", EXAMPLE + "&signature=" + EXAMPLE_SIGNATURE, API_KEY);
    Reply split = test(SPLIT_QUERY, SPLIT_BODY + "&signature=" + SPLIT_SIGNATURE, API_KEY);

    assertThat(inQuery.status()).as(inQuery.body().toString()).isEqualTo(200);
    assertThat(inQuery.body().isObject() && inQuery.body().isEmpty()).isTrue();
    assertThat(inBody.status()).as(inBody.body().toString()).isEqualTo(200);
    assertThat(split.status()).as(split.body().toString()).isEqualTo(200);
  }

  @Test
  void checksTheBytesAsSentNotTheirMeaning() throws Exception {
    String reordered = "side=BUY&symbol=LTCBTC&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
    String reencoded = EXAMPLE.replace("price=0.1", "price=0%2E1");
    String movedToQuery = SPLIT_QUERY + "&quantity=1";

    assertError(test(reordered + "&signature=" + EXAMPLE_SIGNATURE, "", API_KEY), 400, -1022,
        "Signature for this request is not valid.");
    assertError(test(reencoded + "&signature=" + EXAMPLE_SIGNATURE, "", API_KEY), 400, -1022,
        "Signature for this request is not valid.");
    assertError(test(movedToQuery, SPLIT_BODY.replace("quantity=1&", "") + "&signature=" + SPLIT_SIGNATURE, API_KEY),
        400, -1022, "Signature for this request is not valid.");
    assertError(test(EXAMPLE + "&signature=" + EXAMPLE_SIGNATURE, "", READ_KEY), 400, -1022,
        "Signature for this request is not valid.");
  }

  @Test
  void refusesMissingUnknownAndRevokedKeys() throws Exception {
    String example = EXAMPLE + "&signature=" + EXAMPLE_SIGNATURE;

    assertError(test(example, "", null), 401, -2014, "API-key format invalid.");
    assertError(test(example, "", "bad key!"), 401, -2014, "API-key format invalid.");
    assertError(test(example, "", "unknownKey0000000000000000000000000000000000000000000000000000001"), 401, -2015,
        "Invalid API-key, IP, or permissions for action.");
    assertError(test(signedWith(REVOKED_KEY, EXAMPLE), "", REVOKED_KEY), 401, -2015,
        "Invalid API-key, IP, or permissions for action.");
  }

  @Test
  void aReadKeyMayNotTrade() throws Exception {
    assertError(test(signedWith(READ_KEY, EXAMPLE), "", READ_KEY), 401, -1002,
        "You are not authorized to execute this request.");
  }

  @Test
  void enforcesTheReceiveWindow() throws Exception {
    String late = EXAMPLE.replace("recvWindow=5000&timestamp=1499827319559", "recvWindow=50&timestamp=1499827319559");
    String ahead = EXAMPLE.replace("timestamp=1499827319559", "timestamp=" + (EXAMPLE_TIME + 1101));
    String tooWide = EXAMPLE.replace("recvWindow=5000", "recvWindow=60001");
    String microsecondWindow = EXAMPLE.replace("recvWindow=5000", "recvWindow=100.500");
    String noTimestamp = EXAMPLE.replace("&timestamp=1499827319559", "");

    assertError(test(signedWith(API_KEY, late), "", API_KEY), 400, -1021,
        "Timestamp for this request is outside of the recvWindow.");
    assertError(test(signedWith(API_KEY, ahead), "", API_KEY), 400, -1021,
        "Timestamp for this request was 1000ms ahead of the server's time.");
    assertError(test(signedWith(API_KEY, tooWide), "", API_KEY), 400, -1131, "recvWindow must be less than 60000");
    assertThat(test(signedWith(API_KEY, microsecondWindow), "", API_KEY).status()).isEqualTo(200);
    assertError(test(signedWith(API_KEY, noTimestamp), "", API_KEY), 400, -1102,
        "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
    assertError(test(EXAMPLE, "", API_KEY), 400, -1102,
        "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
  }

  private static String signedWith(String apiKey, String params) {
    return params + "&signature=" + TestGateway.sign(apiKey.equals(API_KEY) ? SECRET : OTHER_SECRET, params);
  }

  private static Reply test(String query, String body, String apiKey) throws Exception {
    return gateway.send("POST", "/api/v3/order/test", query, body, apiKey);
  }

  static void assertError(Reply reply, int status, int code, String message) {
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
    assertThat(reply.body().path("code").asInt()).as(reply.body().toString()).isEqualTo(code);
    assertThat(reply.body().path("msg").asText()).isEqualTo(message);
  }
}
