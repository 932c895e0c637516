package castle.gateway.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castle.gateway.api.Params;
import castle.gateway.market.ws.WsLimits;
import castle.schema.market.PriceLevel;
import castle.topics.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public market endpoints and /v1/alerts, against the real market app through interactive queries. */
class MarketRoutesTest {

  private static MarketFixture fixture;

  @BeforeAll
  static void marketWithTrades() throws Exception {
    fixture = new MarketFixture(WsLimits.defaults(), false);
    fixture.configure("BTCUSDT");
    fixture.configure("ETHUSDT");
    // Two fills of one taker at one price, then a fill of another taker.
    fixture.send(Topics.MARKET_TRADES, "BTCUSDT", MarketFixture.trade("BTCUSDT", 1, 3_000_000, 5_000, 91, false));
    fixture.send(Topics.MARKET_TRADES, "BTCUSDT", MarketFixture.trade("BTCUSDT", 2, 3_000_000, 2_500, 91, false));
    fixture.send(Topics.MARKET_TRADES, "BTCUSDT", MarketFixture.trade("BTCUSDT", 3, 3_010_000, 10_000, 92, true));
    fixture.send(Topics.MARKET_DEPTH, "BTCUSDT", MarketFixture.depth("BTCUSDT", 1,
        List.of(new PriceLevel(3_009_000L, 20_000L), new PriceLevel(3_008_000L, 5_000L)),
        List.of(new PriceLevel(3_011_000L, 7_000L))));
    fixture.flush();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(body("/api/v3/ticker/24hr?symbol=BTCUSDT").path("count").asLong()).isEqualTo(3);
      assertThat(body("/api/v3/depth?symbol=BTCUSDT").path("lastUpdateId").asLong()).isEqualTo(1);
      assertThat(body("/api/v3/ticker/24hr?symbol=ETHUSDT").path("count").asLong()).isZero();
    });
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void depthListsAggregatedLevelsBestFirstWithTheLastUpdateId() throws Exception {
    JsonNode depth = body("/api/v3/depth?symbol=BTCUSDT&limit=1000");
    assertThat(depth.path("lastUpdateId").asLong()).isEqualTo(1);
    assertThat(depth.path("bids").toString()).isEqualTo("[[\"30090.00000000\",\"2.00000000\"],[\"30080.00000000\",\"0.50000000\"]]");
    assertThat(depth.path("asks").toString()).isEqualTo("[[\"30110.00000000\",\"0.70000000\"]]");
    assertThat(body("/api/v3/depth?symbol=BTCUSDT&limit=1").path("bids")).hasSize(1);
    assertThat(fixture.weights.weight("GET", "/api/v3/depth", Params.parse("symbol=BTCUSDT&limit=1000", ""))).isEqualTo(50);
    assertThat(fixture.weights.weight("GET", "/api/v3/depth", Params.parse("symbol=BTCUSDT&limit=5000", ""))).isEqualTo(250);
  }

  @Test
  void badParametersAndUnknownSymbolsGetBinanceErrors() throws Exception {
    assertError("/api/v3/depth?symbol=NOPEUSDT", 400, -1121, "Invalid symbol.");
    assertError("/api/v3/depth?symbol=BTCUSDT&limit=5001", 400, -1100, null);
    assertError("/api/v3/trades", 400, -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
    assertError("/api/v3/klines?symbol=BTCUSDT&interval=2m", 400, -1120, "Invalid interval.");
    assertError("/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=20&endTime=10", 400, -1023, null);
    assertError("/api/v3/aggTrades?symbol=BTCUSDT&fromId=1&startTime=1", 400, -1128, null);
    assertError("/api/v3/aggTrades?symbol=BTCUSDT&startTime=0&endTime=3600001", 400, -1127, null);
    assertError("/api/v3/ticker/24hr?symbols=%5B%22BTCUSDT%22,%22NOPE%22%5D", 400, -1121, "Invalid symbol.");
    assertThat(fixture.get("/api/v3/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void tradesAndAggregateTradesHaveBinancesFields() throws Exception {
    JsonNode trades = body("/api/v3/trades?symbol=BTCUSDT&limit=2");
    assertThat(trades).hasSize(2);
    assertThat(fieldNames(trades.get(1)))
        .containsExactly("id", "price", "qty", "quoteQty", "time", "isBuyerMaker", "isBestMatch");
    assertThat(trades.get(1).path("id").asLong()).isEqualTo(3);
    assertThat(trades.get(1).path("price").asText()).isEqualTo("30100.00000000");
    assertThat(trades.get(1).path("quoteQty").asText()).isEqualTo("30100.00000000");

    JsonNode aggregates = body("/api/v3/aggTrades?symbol=BTCUSDT");
    assertThat(aggregates).hasSize(2);
    JsonNode first = aggregates.get(0);
    assertThat(fieldNames(first)).containsExactly("a", "p", "q", "f", "l", "T", "m", "M");
    assertThat(first.path("a").asLong()).isEqualTo(1);
    assertThat(first.path("q").asText()).isEqualTo("0.75000000");
    assertThat(first.path("f").asLong()).isEqualTo(1);
    assertThat(first.path("l").asLong()).isEqualTo(2);
    assertThat(first.path("m").asBoolean()).isFalse();
    assertThat(body("/api/v3/aggTrades?symbol=BTCUSDT&fromId=2")).extracting(node -> node.path("a").asLong())
        .containsExactly(3L);
  }

  @Test
  void klinesEndWithTheOpenCandle() throws Exception {
    JsonNode klines = body("/api/v3/klines?symbol=BTCUSDT&interval=1h");
    assertThat(klines).hasSize(1);
    JsonNode row = klines.get(0);
    assertThat(row).hasSize(12);
    assertThat(row.get(1).asText()).isEqualTo("30000.00000000");
    assertThat(row.get(2).asText()).isEqualTo("30100.00000000");
    assertThat(row.get(5).asText()).isEqualTo("1.75000000");
    assertThat(row.get(8).asLong()).isEqualTo(3);
    assertThat(row.get(11).asText()).isEqualTo("0");
    assertThat(row.get(6).asLong() - row.get(0).asLong()).isEqualTo(3_599_999);
    assertThat(row.get(6).asLong()).isGreaterThan(System.currentTimeMillis());
  }

  @Test
  void the24hTickerIsASpotTickerWithBidQtyAndNoTimeField() throws Exception {
    JsonNode ticker = body("/api/v3/ticker/24hr?symbol=BTCUSDT");
    assertThat(fieldNames(ticker)).containsExactly("symbol", "priceChange", "priceChangePercent", "weightedAvgPrice",
        "prevClosePrice", "lastPrice", "lastQty", "bidPrice", "bidQty", "askPrice", "askQty", "openPrice", "highPrice",
        "lowPrice", "volume", "quoteVolume", "openTime", "closeTime", "firstId", "lastId", "count");
    assertThat(ticker.path("lastPrice").asText()).isEqualTo("30100.00000000");
    assertThat(ticker.path("priceChange").asText()).isEqualTo("100.00000000");
    assertThat(ticker.path("priceChangePercent").asText()).isEqualTo("0.333");
    assertThat(ticker.path("bidPrice").asText()).isEqualTo("30090.00000000");
    assertThat(ticker.path("bidQty").asText()).isEqualTo("2.00000000");
    assertThat(ticker.path("weightedAvgPrice").asText()).isEqualTo("30057.14000000");

    JsonNode all = body("/api/v3/ticker/24hr");
    assertThat(all).extracting(node -> node.path("symbol").asText()).containsExactly("BTCUSDT", "ETHUSDT");
    JsonNode quiet = all.get(1);
    assertThat(quiet.path("count").asLong()).isZero();
    assertThat(quiet.path("firstId").asLong()).isEqualTo(-1);
    assertThat(body("/api/v3/ticker/24hr?symbols=%5B%22ETHUSDT%22%5D")).hasSize(1);
  }

  @Test
  void priceBookTickerAndAveragePrice() throws Exception {
    assertThat(body("/api/v3/ticker/price?symbol=BTCUSDT").toString())
        .isEqualTo("{\"symbol\":\"BTCUSDT\",\"price\":\"30100.00000000\"}");
    assertThat(body("/api/v3/ticker/bookTicker?symbol=BTCUSDT").toString()).isEqualTo(
        "{\"symbol\":\"BTCUSDT\",\"bidPrice\":\"30090.00000000\",\"bidQty\":\"2.00000000\","
            + "\"askPrice\":\"30110.00000000\",\"askQty\":\"0.70000000\"}");
    assertThat(body("/api/v3/ticker/price")).hasSize(2);
    JsonNode avg = body("/api/v3/avgPrice?symbol=BTCUSDT");
    assertThat(fieldNames(avg)).containsExactly("mins", "price", "closeTime");
    assertThat(avg.path("mins").asInt()).isEqualTo(5);
    assertThat(avg.path("price").asText()).isEqualTo("30057.14000000");
  }

  @Test
  void anAccountCreatesListsAndDeletesItsOwnAlerts() throws Exception {
    String alert = "{\"symbol\":\"BTCUSDT\",\"condition\":\"CROSSES_ABOVE\",\"price\":\"31000.5\",\"note\":\"moon\"}";
    assertThat(fixture.request("POST", "/v1/alerts", null, alert).statusCode()).isEqualTo(401);
    assertThat(fixture.request("POST", "/v1/alerts", 5L,
        "{\"symbol\":\"BTCUSDT\",\"condition\":\"CROSSES_ABOVE\",\"price\":\"31000.005\"}").statusCode()).isEqualTo(400);
    assertThat(fixture.request("POST", "/v1/alerts", 5L,
        "{\"symbol\":\"BTCUSDT\",\"condition\":\"MOVES_PERCENT\",\"percent\":\"5\",\"windowMinutes\":0}").body())
        .contains("windowMinutes");

    HttpResponse<String> created = fixture.request("POST", "/v1/alerts", 5L, alert);
    assertThat(created.statusCode()).isEqualTo(200);
    long alertId = fixture.json.readTree(created.body()).path("alertId").asLong();
    assertThat(fixture.json.readTree(created.body()).path("price").asText()).isEqualTo("31000.50000000");

    await().atMost(Duration.ofSeconds(20)).until(() -> list(5L).size() == 1);
    assertThat(list(5L).get(0).path("alertId").asLong()).isEqualTo(alertId);
    assertThat(list(6L)).isEmpty();
    assertThat(fixture.request("DELETE", "/v1/alerts/" + alertId, 6L, null).statusCode()).isEqualTo(404);

    assertThat(fixture.request("DELETE", "/v1/alerts/" + alertId, 5L, null).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> list(5L).isEmpty());
  }

  private static List<JsonNode> list(long account) throws Exception {
    HttpResponse<String> response = fixture.request("GET", "/v1/alerts", account, null);
    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonNode> alerts = new ArrayList<>();
    fixture.json.readTree(response.body()).forEach(alerts::add);
    return alerts;
  }

  private static JsonNode body(String path) throws Exception {
    HttpResponse<String> response = fixture.get(path);
    assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
    return fixture.json.readTree(response.body());
  }

  private static void assertError(String path, int status, int code, String message) throws Exception {
    HttpResponse<String> response = fixture.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(status);
    JsonNode body = fixture.json.readTree(response.body());
    assertThat(fieldNames(body)).containsExactly("code", "msg");
    assertThat(body.path("code").asInt()).as(path).isEqualTo(code);
    if (message != null) {
      assertThat(body.path("msg").asText()).isEqualTo(message);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
