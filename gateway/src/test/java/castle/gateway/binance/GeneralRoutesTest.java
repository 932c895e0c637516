package castle.gateway.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castle.gateway.binance.TestGateway.Reply;
import castle.orders.SymbolFilters;
import castle.schema.orders.OrderType;
import castle.schema.reference.SymbolConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ping, time and exchangeInfo as Binance clients read them. */
class GeneralRoutesTest {

  static final Set<String> FORBIDDEN_KEYS =
      Set.of("contractType", "deliveryDate", "expiryDate", "underlying", "marginAsset", "tradability");

  static TestTopics topics;
  static TestGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    topics = TestTopics.create("general");
    topics.publish(TestMarkets.btcusdt());
    topics.publish(TestMarkets.ltcbtc());
    topics.publish(TestMarkets.halted());
    gateway = TestGateway.start(topics);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void testMarketsAreValidConfigurations() {
    for (SymbolConfig symbol : List.of(TestMarkets.btcusdt(), TestMarkets.ltcbtc(), TestMarkets.halted())) {
      assertThat(SymbolFilters.problems(symbol)).as(symbol.getSymbol()).isEmpty();
    }
  }

  @Test
  void pingAndTime() throws Exception {
    long before = System.currentTimeMillis();
    Reply ping = gateway.get("/api/v3/ping", "");
    Reply time = gateway.get("/api/v3/time", "");

    assertThat(ping.status()).isEqualTo(200);
    assertThat(ping.raw().body()).isEqualTo("{}");
    assertThat(time.body().path("serverTime").isIntegralNumber()).isTrue();
    assertThat(time.body().path("serverTime").asLong()).isBetween(before, System.currentTimeMillis());
    assertThat(ping.header("X-MBX-USED-WEIGHT-1M")).isNotNull();
  }

  @Test
  void exchangeInfoDescribesEveryMarketAsSpotClientsNeedIt() throws Exception {
    Reply reply = gateway.get("/api/v3/exchangeInfo", "");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode info = reply.body();
    assertThat(info.path("timezone").asText()).isEqualTo("UTC");
    assertThat(info.path("serverTime").isIntegralNumber()).isTrue();
    assertThat(info.path("exchangeFilters").isArray()).isTrue();
    assertThat(info.path("rateLimits").findValuesAsText("rateLimitType")).containsExactly("REQUEST_WEIGHT", "ORDERS", "ORDERS");
    assertThat(info.path("symbols").findValuesAsText("symbol")).containsExactly("BTCUSDT", "ETHUSDT", "LTCBTC");
    assertThat(keysIn(info)).doesNotContainAnyElementsOf(FORBIDDEN_KEYS);
    assertThat(info.toString()).doesNotContain("TRD_GRP_003");

    JsonNode btc = info.path("symbols").get(0);
    assertThat(btc.path("status").asText()).isEqualTo("TRADING");
    assertThat(btc.path("baseAsset").asText()).isEqualTo("BTC");
    assertThat(btc.path("quoteAsset").asText()).isEqualTo("USDT");
    assertThat(btc.path("baseAssetPrecision").asInt()).isEqualTo(8);
    assertThat(btc.path("quotePrecision").asInt()).isEqualTo(8);
    assertThat(btc.path("quoteAssetPrecision").asInt()).isEqualTo(8);
    assertThat(texts(btc.path("orderTypes"))).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(OrderType.values()).map(Enum::name).toList());
    assertThat(btc.path("quoteOrderQtyMarketAllowed").asBoolean()).isTrue();
    assertThat(btc.path("isSpotTradingAllowed").asBoolean()).isTrue();
    assertThat(btc.path("isMarginTradingAllowed").asBoolean(true)).isFalse();
    assertThat(btc.path("permissionSets").toString()).isEqualTo("[[\"SPOT\"]]");
    assertThat(filter(btc, "PRICE_FILTER").toString()).isEqualTo(
        "{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.01000000\",\"maxPrice\":\"1000000.00000000\",\"tickSize\":\"0.01000000\"}");
    assertThat(filter(btc, "LOT_SIZE").toString()).isEqualTo(
        "{\"filterType\":\"LOT_SIZE\",\"minQty\":\"0.00001000\",\"maxQty\":\"9000.00000000\",\"stepSize\":\"0.00001000\"}");
    assertThat(filter(btc, "MARKET_LOT_SIZE").path("stepSize").asText()).isEqualTo("0.00001000");
    JsonNode notional = filter(btc, "NOTIONAL");
    assertThat(notional.path("minNotional").asText()).isEqualTo("5.00000000");
    assertThat(notional.has("applyMinToMarket") && notional.has("maxNotional") && notional.has("applyMaxToMarket")
        && notional.has("avgPriceMins")).isTrue();
    assertThat(info.path("symbols").get(1).path("status").asText()).isEqualTo("HALT");
  }

  @Test
  void exchangeInfoOfNamedSymbols() throws Exception {
    Reply one = gateway.get("/api/v3/exchangeInfo", "symbol=LTCBTC");
    Reply two = gateway.get("/api/v3/exchangeInfo", "symbols=%5B%22LTCBTC%22,%20%22BTCUSDT%22%5D");
    Reply repeated = gateway.get("/api/v3/exchangeInfo", "symbols=%5B%22LTCBTC%22,%22LTCBTC%22%5D");

    assertThat(one.body().path("symbols").findValuesAsText("symbol")).containsExactly("LTCBTC");
    assertThat(two.body().path("symbols").findValuesAsText("symbol")).containsExactly("LTCBTC", "BTCUSDT");
    assertThat(repeated.body().path("code").asInt()).isEqualTo(-1151);
  }

  @Test
  void followsChangesToTheSymbolsTopic() throws Exception {
    SymbolConfig listed = TestMarkets.btcusdt();
    listed.setSymbol("SOLUSDT");
    listed.setBaseAsset("SOL");
    topics.publish(listed);

    await().untilAsserted(() -> assertThat(gateway.get("/api/v3/exchangeInfo", "symbol=SOLUSDT").status()).isEqualTo(200));
  }

  private static JsonNode filter(JsonNode symbol, String type) {
    for (JsonNode filter : symbol.path("filters")) {
      if (filter.path("filterType").asText().equals(type)) {
        return filter;
      }
    }
    throw new AssertionError("no " + type + " in " + symbol);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static Set<String> keysIn(JsonNode node) {
    Set<String> keys = new java.util.HashSet<>();
    if (node.isObject()) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        keys.add(name);
        keys.addAll(keysIn(node.get(name)));
      }
    } else if (node.isArray()) {
      node.forEach(child -> keys.addAll(keysIn(child)));
    }
    return keys;
  }
}
