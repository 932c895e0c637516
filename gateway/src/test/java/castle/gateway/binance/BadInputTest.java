package castle.gateway.binance;

import static org.assertj.core.api.Assertions.assertThat;

import castle.gateway.binance.TestGateway.Reply;
import castle.schema.users.ApiPermission;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input a client can send gets a 4xx in Binance's {@code {"code","msg"}} form,
 * never a 5xx or a stack trace, and nothing reaches {@code orders.commands}. Each case is a correctly
 * signed request (the signature covers whatever was sent), so it is the input itself that is refused.
 */
class BadInputTest {

  static final String KEY = "badInputKey000000000000000000000000000000000000000000000000000001";
  static final String SECRET = "bad-input-secret";
  static final String LIMIT = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=30000";
  static final String MARKET = "symbol=BTCUSDT&side=BUY&type=MARKET";

  static TestTopics topics;
  static TestGateway gateway;

  /** A request and the error it must get; {@code code} 0 means any Binance code (statuses outside the API). */
  record Case(String name, String method, String path, String params, String contentType, String body, int status,
      int code, String message) {

    static Case order(String name, String params, int code, String message) {
      return new Case(name, "POST", "/api/v3/order", params, null, null, code == 0 ? 404 : 400, code, message);
    }

    static Case orderTest(String name, String params, int code, String message) {
      return new Case(name, "POST", "/api/v3/order/test", params, null, null, 400, code, message);
    }

    static Case request(String name, String method, String path, String params, int status, int code) {
      return new Case(name, method, path, params, null, null, status, code, null);
    }

    static Case raw(String name, String contentType, String body, int status, int code) {
      return new Case(name, "POST", "/api/v3/order", LIMIT, contentType, body, status, code, null);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    String illegalQuantity = "Illegal characters found in parameter 'quantity'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.";
    return Stream.of(
        Case.order("exponent", LIMIT.replace("quantity=0.01", "quantity=1e-2"), -1100, illegalQuantity),
        Case.order("negative quantity", LIMIT.replace("quantity=0.01", "quantity=-1"), -1100, illegalQuantity),
        Case.order("zero quantity", LIMIT.replace("quantity=0.01", "quantity=0"), -1013, "Filter failure: LOT_SIZE"),
        Case.order("zero price", LIMIT.replace("price=30000", "price=0"), -1013, "Filter failure: PRICE_FILTER"),
        Case.order("negative price", LIMIT.replace("price=30000", "price=-30000"), -1100, null),
        Case.order("price off the tick", LIMIT.replace("price=30000", "price=30000.001"), -1013, "Filter failure: PRICE_FILTER"),
        Case.order("price above the maximum", LIMIT.replace("price=30000", "price=1000000.01"), -1013, "Filter failure: PRICE_FILTER"),
        Case.order("quantity off the step", LIMIT.replace("quantity=0.01", "quantity=0.000011"), -1013, "Filter failure: LOT_SIZE"),
        Case.order("quantity above the maximum", LIMIT.replace("quantity=0.01", "quantity=9000.00001"), -1013, "Filter failure: LOT_SIZE"),
        Case.order("notional too small", LIMIT.replace("price=30000", "price=1"), -1013, "Filter failure: NOTIONAL"),
        Case.order("more decimals than the asset", LIMIT.replace("quantity=0.01", "quantity=0.123456789"), -1111,
            "Precision is over the maximum defined for this asset."),
        Case.order("huge value", LIMIT.replace("quantity=0.01", "quantity=99999999999999999999"), -1100, illegalQuantity),
        Case.order("NaN", LIMIT.replace("quantity=0.01", "quantity=NaN"), -1100, illegalQuantity),
        Case.order("Infinity", LIMIT.replace("quantity=0.01", "quantity=Infinity"), -1100, illegalQuantity),
        Case.order("hexadecimal", LIMIT.replace("quantity=0.01", "quantity=0x10"), -1100, illegalQuantity),
        Case.order("comma decimal", LIMIT.replace("quantity=0.01", "quantity=0%2C01"), -1100, illegalQuantity),
        Case.order("leading space", LIMIT.replace("quantity=0.01", "quantity=%200.01"), -1100, illegalQuantity),
        Case.order("full-width digit", LIMIT.replace("quantity=0.01", "quantity=%EF%BC%91"), -1100, illegalQuantity),
        Case.order("empty quantity", LIMIT.replace("quantity=0.01", "quantity="), -1102,
            "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed."),
        Case.order("client order id too long", LIMIT + "&newClientOrderId=" + "a".repeat(37), -1100,
            "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[\\.A-Z\\:/a-z0-9_-]{1,36}$'."),
        Case.order("client order id with a space", LIMIT + "&newClientOrderId=my%20order", -1100, null),
        Case.order("very long string", LIMIT + "&newClientOrderId=" + "a".repeat(5000), -1100, null),
        Case.order("missing symbol", LIMIT.replace("symbol=BTCUSDT&", ""), -1102,
            "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed."),
        Case.order("unknown symbol", LIMIT.replace("BTCUSDT", "NOPEUSDT"), -1121, "Invalid symbol."),
        Case.order("lower-case symbol", LIMIT.replace("BTCUSDT", "btcusdt"), -1100, null),
        Case.order("halted symbol", LIMIT.replace("BTCUSDT", "ETHUSDT"), -2010, "Market is closed."),
        Case.order("missing side", LIMIT.replace("side=BUY&", ""), -1102, null),
        Case.order("unknown side", LIMIT.replace("side=BUY", "side=HOLD"), -1117, "Invalid side."),
        Case.order("unknown type", LIMIT.replace("type=LIMIT", "type=ICEBERG"), -1116, "Invalid orderType."),
        Case.order("LIMIT without timeInForce", LIMIT.replace("timeInForce=GTC&", ""), -1102,
            "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed."),
        Case.order("unknown timeInForce", LIMIT.replace("timeInForce=GTC", "timeInForce=GTX"), -1115, "Invalid timeInForce."),
        Case.order("LIMIT without price", LIMIT.replace("&price=30000", ""), -1102, null),
        Case.order("LIMIT with quoteOrderQty", LIMIT + "&quoteOrderQty=100", -1106,
            "Parameter 'quoteOrderQty' sent when not required."),
        Case.order("LIMIT with stopPrice", LIMIT + "&stopPrice=29000", -1106, "Parameter 'stopPrice' sent when not required."),
        Case.order("MARKET with price", MARKET + "&quantity=0.01&price=30000", -1106, "Parameter 'price' sent when not required."),
        Case.order("MARKET with timeInForce", MARKET + "&quantity=0.01&timeInForce=GTC", -1106,
            "Parameter 'timeInForce' sent when not required."),
        Case.order("MARKET with quantity and quoteOrderQty", MARKET + "&quantity=0.01&quoteOrderQty=100", -1106, null),
        Case.order("MARKET with neither", MARKET, -1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!"),
        Case.order("MARKET spending too little", MARKET + "&quoteOrderQty=1", -1013, "Filter failure: NOTIONAL"),
        Case.order("MARKET spending nothing", MARKET + "&quoteOrderQty=0", -1013, "Filter failure: NOTIONAL"),
        Case.order("LIMIT_MAKER with timeInForce", LIMIT.replace("type=LIMIT", "type=LIMIT_MAKER"), -1106, null),
        Case.order("STOP_LOSS without stopPrice", "symbol=BTCUSDT&side=SELL&type=STOP_LOSS&quantity=0.01", -1102, null),
        Case.order("iceberg", LIMIT + "&icebergQty=0.001", -1106, "Parameter 'icebergQty' sent when not required."),
        Case.order("unknown response type", LIMIT + "&newOrderRespType=FAST", -1100, null),
        Case.order("unknown self-trade prevention", LIMIT + "&selfTradePreventionMode=NEVER", -1100, null),
        Case.order("duplicated parameter", LIMIT + "&symbol=BTCUSDT", -1101, "Duplicate values for a parameter detected."),
        Case.order("malformed percent-encoding", LIMIT + "&note=%zz", -1100, null),
        Case.order("malformed recvWindow", LIMIT + "&recvWindow=-5", -1100, null),
        Case.order("malformed price among unknown parameters", LIMIT.replace("price=30000", "price=3e4") + "&strategyId=17&someFlag=on",
            -1100, "Illegal characters found in parameter 'price'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'."),
        Case.order("malformed stopPrice", "symbol=BTCUSDT&side=SELL&type=STOP_LOSS_LIMIT&timeInForce=GTC&quantity=0.01"
            + "&price=29000&stopPrice=29k", -1100, null),
        Case.order("malformed quoteOrderQty", MARKET + "&quoteOrderQty=1e3", -1100,
            "Illegal characters found in parameter 'quoteOrderQty'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'."),
        Case.orderTest("order/test with a malformed quantity", LIMIT.replace("quantity=0.01", "quantity=0.01.0"), -1100, illegalQuantity),
        Case.orderTest("order/test on an unknown symbol", LIMIT.replace("BTCUSDT", "NOPEUSDT"), -1121, "Invalid symbol."),
        Case.orderTest("order/test with too small a notional", LIMIT.replace("price=30000", "price=1"), -1013,
            "Filter failure: NOTIONAL"),
        Case.raw("JSON body", "application/json", "{\"symbol\":\"BTCUSDT\"}", 400, -1100),
        Case.raw("text body", "text/plain", "symbol=BTCUSDT", 400, -1100),
        Case.raw("body over the size limit", "application/x-www-form-urlencoded", "a=" + "b".repeat(2_000_000), 413, 0),
        Case.request("cancel without an order", "DELETE", "/api/v3/order", "symbol=BTCUSDT", 400, -1102),
        Case.request("cancel with a malformed id", "DELETE", "/api/v3/order", "symbol=BTCUSDT&orderId=12a", 400, -1100),
        Case.request("cancel on an unknown symbol", "DELETE", "/api/v3/order", "symbol=NOPE&orderId=1", 400, -1121),
        Case.request("cancel-all without a symbol", "DELETE", "/api/v3/openOrders", "", 400, -1102),
        Case.request("order query without an order", "GET", "/api/v3/order", "symbol=BTCUSDT", 400, -1102),
        Case.request("order query on an unknown symbol", "GET", "/api/v3/order", "symbol=NOPE&orderId=1", 400, -1121),
        Case.request("allOrders over more than 24 hours", "GET", "/api/v3/allOrders",
            "symbol=BTCUSDT&startTime=1700000000000&endTime=1700086400001", 400, -1127),
        Case.request("allOrders ending before it starts", "GET", "/api/v3/allOrders",
            "symbol=BTCUSDT&startTime=1700000000001&endTime=1700000000000", 400, -1128),
        Case.request("allOrders with a limit of 0", "GET", "/api/v3/allOrders", "symbol=BTCUSDT&limit=0", 400, -1100),
        Case.request("myTrades with a limit over 1000", "GET", "/api/v3/myTrades", "symbol=BTCUSDT&limit=1001", 400, -1100),
        Case.request("myTrades from an id and a time", "GET", "/api/v3/myTrades",
            "symbol=BTCUSDT&fromId=5&startTime=1700000000000", 400, -1128),
        Case.request("myTrades of an order and a time", "GET", "/api/v3/myTrades",
            "symbol=BTCUSDT&orderId=5&startTime=1700000000000", 400, -1128),
        Case.request("myTrades without a symbol", "GET", "/api/v3/myTrades", "", 400, -1102),
        Case.request("exchangeInfo of an unknown symbol", "GET", "/api/v3/exchangeInfo", "symbol=NOPE", 400, -1121),
        Case.request("exchangeInfo with a malformed list", "GET", "/api/v3/exchangeInfo", "symbols=%5BBTCUSDT%5D", 400, -1100),
        Case.request("exchangeInfo with symbol and symbols", "GET", "/api/v3/exchangeInfo",
            "symbol=BTCUSDT&symbols=%5B%22BTCUSDT%22%5D", 400, -1128),
        Case.request("unknown path", "GET", "/api/v3/nothingHere", "", 404, -1));
  }

  @BeforeAll
  static void start() throws Exception {
    topics = TestTopics.create("bad-input");
    topics.publish(TestMarkets.btcusdt());
    topics.publish(TestMarkets.halted());
    topics.publish(TestMarkets.key(KEY, SECRET, 2001, ApiPermission.TRADE, false));
    gateway = TestGateway.start(topics);
  }

  @AfterAll
  static void nothingReachedKafka() {
    try {
      assertThat(topics.commands()).as("commands written for bad input").isEmpty();
    } finally {
      gateway.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithAClientError(Case c) throws Exception {
    Reply reply = send(c);

    assertThat(reply.status()).as(c.name() + ": " + reply.body()).isEqualTo(c.status());
    assertThat(reply.raw().body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("castle.");
    if (c.code() != 0) {
      assertThat(reply.body().path("code").asInt()).as(c.name() + ": " + reply.body()).isEqualTo(c.code());
      assertThat(reply.body().path("msg").isTextual()).isTrue();
    }
    if (c.message() != null) {
      assertThat(reply.body().path("msg").asText()).isEqualTo(c.message());
    }
  }

  private static Reply send(Case c) throws Exception {
    if (c.contentType() == null) {
      return gateway.signed(c.method(), c.path(), c.params(), KEY, SECRET);
    }
    String query = c.params() + "&timestamp=" + System.currentTimeMillis();
    String signed = query + "&signature=" + TestGateway.sign(SECRET, query + c.body());
    return gateway.sendRaw(HttpRequest.newBuilder(URI.create(gateway.url(c.path() + "?" + signed)))
        .header("X-MBX-APIKEY", KEY)
        .header("Content-Type", c.contentType())
        .POST(HttpRequest.BodyPublishers.ofString(c.body())));
  }

}
