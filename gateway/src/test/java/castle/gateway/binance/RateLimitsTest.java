package castle.gateway.binance;

import static castle.gateway.binance.SignedRequestsHttpTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import castle.gateway.binance.TestGateway.Reply;
import castle.gateway.binance.limits.RateLimitSettings;
import castle.schema.users.ApiPermission;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rate limits over HTTP, with small limits so a test reaches them in a few requests. The gateway
 * trusts {@code X-Forwarded-For} here, so each test is its own client IP. Windows are aligned to the
 * clock (as Binance's), so each test starts well inside a window.
 */
class RateLimitsTest {

  static final String KEY = "limitsKey00000000000000000000000000000000000000000000000000000001";
  static final String ORDER_KEY = "limitsKey00000000000000000000000000000000000000000000000000000002";
  static final String SECRET = "limits-secret";

  static TestGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    TestTopics topics = TestTopics.create("limits");
    topics.publish(TestMarkets.btcusdt());
    topics.publish(TestMarkets.key(KEY, SECRET, 4001, ApiPermission.TRADE, false));
    topics.publish(TestMarkets.key(ORDER_KEY, SECRET, 4002, ApiPermission.TRADE, false));
    RateLimitSettings small = new RateLimitSettings(
        45, 5, 2, 1000, 2, Duration.ofMinutes(2), Duration.ofDays(3), "X-Forwarded-For");
    gateway = TestGateway.start(topics, 1, small, Duration.ofSeconds(5), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void requestWeightPerIpIsCountedRefusedWith429AndThenBannedWith418() throws Exception {
    awaitFreshWindow(Duration.ofMinutes(1));
    String ip = "203.0.113.10";

    Reply first = exchangeInfo(ip);
    Reply second = exchangeInfo(ip);
    Reply over = exchangeInfo(ip);

    assertThat(first.header("X-MBX-USED-WEIGHT-1M")).isEqualTo("20");
    assertThat(second.header("X-MBX-USED-WEIGHT-1M")).isEqualTo("40");
    assertThat(exchangeInfo("203.0.113.11").header("X-MBX-USED-WEIGHT-1M")).as("another IP").isEqualTo("20");
    assertError(over, 429, -1003, "Too much request weight used; current limit is 45 request weight per 1 MINUTE."
        + " Please use WebSocket Streams for live updates to avoid polling the API.");
    assertThat(Long.parseLong(over.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(over.header("X-MBX-USED-WEIGHT-1M")).isEqualTo("40");

    exchangeInfo(ip);
    exchangeInfo(ip);
    Reply banned = exchangeInfo(ip);
    assertThat(banned.status()).isEqualTo(418);
    assertThat(banned.body().path("code").asInt()).isEqualTo(-1003);
    assertThat(banned.body().path("msg").asText()).startsWith("Way too much request weight used; IP banned until ");
    assertThat(Long.parseLong(banned.header("Retry-After"))).isBetween(100L, 120L);
    assertThat(gateway.get("/api/v3/ping", "").status()).as("other clients are not banned").isEqualTo(200);
  }

  @Test
  void requestWeightPerApiKeyCountsAcrossIps() throws Exception {
    awaitFreshWindow(Duration.ofMinutes(1));
    for (int i = 0; i < 5; i++) {
      assertThat(orderTest(KEY, "198.51.100." + i).status()).isEqualTo(200);
    }

    Reply over = orderTest(KEY, "198.51.100.99");

    assertError(over, 429, -1003, "Too much request weight used; current limit is 5 request weight per 1 MINUTE."
        + " Please use WebSocket Streams for live updates to avoid polling the API.");
    assertThat(over.header("Retry-After")).isNotNull();
  }

  @Test
  void newOrdersPerAccountAreLimited() throws Exception {
    awaitFreshWindow(Duration.ofSeconds(10));
    Reply first = order("192.0.2.1");
    Reply second = order("192.0.2.2");
    Reply third = order("192.0.2.3");

    assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
    assertThat(first.header("X-MBX-ORDER-COUNT-10S")).isEqualTo("1");
    assertThat(second.header("X-MBX-ORDER-COUNT-10S")).isEqualTo("2");
    assertThat(second.header("X-MBX-ORDER-COUNT-1D")).isEqualTo("2");
    assertError(third, 429, -1015, "Too many new orders; current limit is 2 orders per 10 SECOND.");
    assertThat(Long.parseLong(third.header("Retry-After"))).isBetween(1L, 10L);
  }

  private static Reply exchangeInfo(String ip) throws Exception {
    return gateway.sendRaw(HttpRequest.newBuilder(URI.create(gateway.url("/api/v3/exchangeInfo")))
        .header("X-Forwarded-For", "10.0.0.1, " + ip));
  }

  private static Reply orderTest(String apiKey, String ip) throws Exception {
    return signedFrom(ip, "/api/v3/order/test", apiKey,
        "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=30000");
  }

  private static Reply order(String ip) throws Exception {
    return signedFrom(ip, "/api/v3/order", ORDER_KEY,
        "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=30000&newOrderRespType=ACK");
  }

  private static Reply signedFrom(String ip, String path, String apiKey, String params) throws Exception {
    String total = params + "&timestamp=" + System.currentTimeMillis();
    String body = total + "&signature=" + TestGateway.sign(SECRET, total);
    return gateway.sendRaw(HttpRequest.newBuilder(URI.create(gateway.url(path)))
        .header("X-Forwarded-For", ip)
        .header("X-MBX-APIKEY", apiKey)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Waits, if needed, until the current window has at least 2 s left: a test takes far less. */
  private static void awaitFreshWindow(Duration window) throws InterruptedException {
    long length = window.toMillis();
    long left = length - System.currentTimeMillis() % length;
    if (left < 2_000) {
      Thread.sleep(left + 50);
    }
  }
}
