package castle.gateway.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import castle.gateway.market.ws.WsLimits;
import castle.schema.alerts.Notification;
import castle.schema.alerts.NotificationKind;
import castle.schema.orders.CommandKind;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.orders.OrderStatus;
import castle.schema.orders.OrderType;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.orders.Side;
import castle.schema.orders.TimeInForce;
import castle.schema.wallet.LedgerCause;
import castle.schema.wallet.LedgerEntry;
import castle.topics.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket endpoints with a real client, the real matching and market apps and Kafka feeds:
 * depth sync by Binance's rules against matching's REST depth while orders rest, trade and cancel, every stream's events, the subscription protocol,
 * per-connection limits, a stalled client dropped without holding up others, and user data for its
 * own account only.
 */
class MarketSocketTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static MarketFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new MarketFixture(new WsLimits(1024, 5, 10, 200, 256 * 1024, 64 * 1024, Duration.ofSeconds(1),
        Duration.ofSeconds(60)), true);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void aLocalBookFromTheSnapshotAndDiffsEqualsTheRestDepthWhileOrdersRestTradeAndCancel() throws Exception {
    // Given a book in matching that changes every few milliseconds: orders rest, cross and trade, cancel
    String symbol = "SYNUSDT";
    fixture.configure(symbol);
    OrderFlow flow = new OrderFlow(symbol);
    flow.seed(20);
    fixture.flush();
    await().atMost(WAIT).untilAsserted(() -> assertThat(depth(symbol).path("lastUpdateId").asLong()).isEqualTo(40));
    Thread producer = new Thread(() -> flow.run(600), "order-flow");
    producer.start();
    Thread.sleep(300);

    try (WsClient client = WsClient.connect(fixture.ws("/ws/0"))) {
      // When a client subscribes mid-stream, takes a snapshot and applies the diffs by Binance's rules
      client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"synusdt@depth@100ms\"],\"id\":1}");
      assertThat(client.await(m -> m.has("id"), WAIT).toString()).isEqualTo("{\"result\":null,\"id\":1}");
      DepthSync book = new DepthSync(MarketFixture.BASE_SCALE, MarketFixture.QUOTE_SCALE);
      book.snapshot(depth(symbol));
      while (producer.isAlive()) {
        apply(client, book, symbol);
      }
      long last = settledUpdateId(symbol);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (book.lastUpdateId() < last) {
        assertThat(System.nanoTime()).as("the stream reached updateId %d", last).isLessThan(deadline);
        apply(client, book, symbol);
      }

      // Then the local book is exactly matching's book as REST serves it, and trades happened meanwhile
      JsonNode rest = depth(symbol);
      assertThat(book.lastUpdateId()).isEqualTo(rest.path("lastUpdateId").asLong()).isEqualTo(last)
          .as("the book changed hundreds of times while the client followed it").isGreaterThan(400);
      DepthSync fromRest = new DepthSync(MarketFixture.BASE_SCALE, MarketFixture.QUOTE_SCALE);
      fromRest.snapshot(rest);
      assertThat(book.bids).isEqualTo(fromRest.bids).isNotEmpty();
      assertThat(book.asks).isEqualTo(fromRest.asks).isNotEmpty();
      assertThat(book.bids.firstKey()).as("the book is not crossed").isLessThan(book.asks.firstKey());
      await().atMost(WAIT).untilAsserted(() -> assertThat(fixture.json.readTree(
          fixture.get("/api/v3/ticker/24hr?symbol=" + symbol).body()).path("count").asLong()).isPositive());
    }
  }

  /** Applies the next diff event, taking the snapshot again while it is older than the stream. */
  private static void apply(WsClient client, DepthSync book, String symbol) throws Exception {
    JsonNode event = client.next(Duration.ofMillis(200));
    if (event != null && "depthUpdate".equals(event.path("e").asText())) {
      while (!book.apply(event)) {
        book.snapshot(depth(symbol));
      }
    }
  }

  /** Matching's lastUpdateId once it stops changing. */
  private static long settledUpdateId(String symbol) throws Exception {
    long before = -1;
    long now = depth(symbol).path("lastUpdateId").asLong();
    while (now != before) {
      Thread.sleep(500);
      before = now;
      now = depth(symbol).path("lastUpdateId").asLong();
    }
    return now;
  }

  @Test
  void combinedStreamsWrapTradesAndAggregatesAndTheProtocolAnswersEachRequestById() throws Exception {
    String symbol = "PRTUSDT";
    fixture.configure(symbol);
    fixture.flush();
    try (WsClient client = WsClient.connect(fixture.ws("/stream?streams=prtusdt@trade/prtusdt@aggTrade"))) {
      client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":7}");
      assertThat(client.await(m -> m.has("id"), WAIT).toString())
          .isEqualTo("{\"result\":[\"prtusdt@trade\",\"prtusdt@aggTrade\"],\"id\":7}");

      // When two fills of one taker at one price and a fill of another taker trade
      fixture.send(Topics.MARKET_TRADES, symbol, MarketFixture.trade(symbol, 1, 1_000_000, 10_000, 50, false));
      fixture.send(Topics.MARKET_TRADES, symbol, MarketFixture.trade(symbol, 2, 1_000_000, 5_000, 50, false));
      fixture.send(Topics.MARKET_TRADES, symbol, MarketFixture.trade(symbol, 3, 1_001_000, 10_000, 51, true));
      fixture.flush();

      // Then three trade events and two aggregates arrive, wrapped with their stream's name
      JsonNode trade = client.await(m -> m.path("stream").asText().equals("prtusdt@trade"), WAIT);
      assertThat(fieldNames(trade)).containsExactly("stream", "data");
      assertThat(fieldNames(trade.path("data"))).containsExactly("e", "E", "s", "t", "p", "q", "T", "m", "M");
      assertThat(trade.path("data").path("p").asText()).isEqualTo("10000.00000000");
      JsonNode aggregate = client.await(m -> m.path("stream").asText().equals("prtusdt@aggTrade"), WAIT).path("data");
      assertThat(fieldNames(aggregate)).containsExactly("e", "E", "s", "a", "p", "q", "f", "l", "T", "m", "M");
      assertThat(aggregate.path("a").asLong()).isEqualTo(1);
      assertThat(aggregate.path("q").asText()).isEqualTo("1.50000000");
      assertThat(aggregate.path("l").asLong()).isEqualTo(2);
      assertThat(client.await(m -> m.path("stream").asText().equals("prtusdt@aggTrade"), WAIT)
          .path("data").path("a").asLong()).isEqualTo(3);

      // And the protocol answers every request with its id
      client.send("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"prtusdt@trade\"],\"id\":8}");
      assertThat(reply(client).toString()).isEqualTo("{\"result\":null,\"id\":8}");
      client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":\"list\"}");
      assertThat(reply(client).toString()).isEqualTo("{\"result\":[\"prtusdt@aggTrade\"],\"id\":\"list\"}");
      client.send("not json");
      assertThat(reply(client).path("error").path("code").asInt()).isEqualTo(3);
      client.send("{\"method\":\"NOPE\",\"id\":9}");
      assertThat(reply(client).toString()).contains("\"code\":2").endsWith("\"id\":9}");
      client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"prtusdt@nope\"],\"id\":10}");
      assertThat(reply(client).path("error").path("code").asInt()).isEqualTo(2);
      client.send("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",false],\"id\":11}");
      assertThat(reply(client).toString()).isEqualTo("{\"result\":null,\"id\":11}");
    }
  }

  @Test
  void bookTickerKlineTickerAndPartialBookStreamsCarryBinancesEvents() throws Exception {
    String symbol = "KINUSDT";
    fixture.configure(symbol);
    fixture.flush();
    try (WsClient client = WsClient.connect(fixture.ws("/ws/kinusdt@bookTicker"))) {
      client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"kinusdt@kline_1m\",\"kinusdt@ticker\",\"kinusdt@miniTicker\","
          + "\"kinusdt@depth5@100ms\",\"kinusdt@depth\"],\"id\":1}");
      assertThat(reply(client).toString()).isEqualTo("{\"result\":null,\"id\":1}");

      // When the book gets six levels a side and a buyer takes half the best ask
      for (int i = 0; i < 6; i++) {
        fixture.place(symbol, 1, 100 + i, Side.BUY, 2_000_000 - i * 1_000, 10_000L * (i + 1));
        fixture.place(symbol, 2, 200 + i, Side.SELL, 2_010_000 + i * 1_000, 10_000L * (i + 1));
      }
      fixture.place(symbol, 3, 300, Side.BUY, 2_010_000, 5_000);
      fixture.flush();

      // Then each stream delivers its event
      JsonNode book = client.await(m -> m.has("u") && m.path("A").asText().equals("0.50000000"), WAIT);
      assertThat(fieldNames(book)).containsExactly("u", "s", "b", "B", "a", "A");
      assertThat(book.path("b").asText()).isEqualTo("20000.00000000");
      assertThat(book.path("a").asText()).isEqualTo("20100.00000000");
      JsonNode kline = client.await(m -> m.path("e").asText().equals("kline"), WAIT);
      assertThat(fieldNames(kline.path("k"))).containsExactly(
          "t", "T", "s", "i", "f", "L", "o", "c", "h", "l", "v", "n", "x", "q", "V", "Q", "B");
      assertThat(kline.path("k").path("i").asText()).isEqualTo("1m");
      JsonNode ticker = client.await(m -> m.path("e").asText().equals("24hrTicker") && m.path("n").asLong() == 1, WAIT);
      assertThat(ticker.path("c").asText()).isEqualTo("20100.00000000");
      assertThat(ticker.has("B")).isTrue();
      client.await(m -> m.path("e").asText().equals("24hrMiniTicker"), WAIT);
      JsonNode partial = client.await(m -> m.has("lastUpdateId") && m.path("asks").size() == 5
          && m.path("asks").get(0).get(1).asText().equals("0.50000000"), WAIT);
      assertThat(fieldNames(partial)).containsExactly("lastUpdateId", "bids", "asks");
      assertThat(partial.path("bids")).hasSize(5);
      assertThat(partial.path("bids").get(0).get(0).asText()).isEqualTo("20000.00000000");
      JsonNode diff = client.await(m -> m.path("e").asText().equals("depthUpdate"), WAIT);
      assertThat(fieldNames(diff)).containsExactly("e", "E", "s", "U", "u", "b", "a");
    }
  }

  @Test
  void partialBookStreamsCarryTheTopLevelsOfMatchingsBookBestFirst() throws Exception {
    String symbol = "PBKUSDT";
    fixture.configure(symbol);
    fixture.flush();
    List<String> streams = List.of("pbkusdt@depth5", "pbkusdt@depth10@100ms", "pbkusdt@depth20");
    try (WsClient client = WsClient.connect(fixture.ws("/stream?streams=" + String.join("/", streams)))) {
      client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1}");
      assertThat(reply(client).path("result")).hasSize(3);

      // When 25 levels a side rest in matching, placed worst first, with a second order at the best bid
      int orders = 0;
      for (int i = 24; i >= 0; i--) {
        fixture.place(symbol, 1, 100 + i, Side.BUY, 2_000_000 - i * 1_000, 10_000L * (i + 1));
        fixture.place(symbol, 2, 200 + i, Side.SELL, 2_010_000 + i * 1_000, 10_000L * (i + 1));
        orders += 2;
      }
      fixture.place(symbol, 3, 300, Side.BUY, 2_000_000, 5_000);
      fixture.flush();
      long lastUpdateId = orders + 1;

      // Then each stream's snapshot of that book holds its number of levels, best first, with
      // quantities summed per price, and equals the REST depth of the same limit
      for (String stream : streams) {
        int levels = Integer.parseInt(stream.replaceAll(".*@depth([0-9]+).*", "$1"));
        JsonNode partial = client.await(m -> m.path("stream").asText().equals(stream)
            && m.path("data").path("lastUpdateId").asLong() == lastUpdateId, WAIT).path("data");
        assertThat(fieldNames(partial)).containsExactly("lastUpdateId", "bids", "asks");
        List<List<String>> bids = levels(partial.path("bids"));
        List<List<String>> asks = levels(partial.path("asks"));
        assertThat(bids).as("%s bids", stream).hasSize(levels)
            .startsWith(List.of("20000.00000000", "1.50000000"), List.of("19990.00000000", "2.00000000"));
        assertThat(asks).as("%s asks", stream).hasSize(levels)
            .startsWith(List.of("20100.00000000", "1.00000000"), List.of("20110.00000000", "2.00000000"));
        assertThat(bids).extracting(level -> new BigDecimal(level.get(0))).as("%s bids, highest first", stream)
            .isSortedAccordingTo(Comparator.reverseOrder()).doesNotHaveDuplicates();
        assertThat(asks).extracting(level -> new BigDecimal(level.get(0))).as("%s asks, lowest first", stream)
            .isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
        assertThat(bids.get(levels - 1)).isEqualTo(List.of(
            new BigDecimal(2_000_000 - (levels - 1) * 1_000).movePointLeft(2).setScale(8).toPlainString(),
            new BigDecimal(10_000L * levels).movePointLeft(4).setScale(8).toPlainString()));
        JsonNode rest = depth(symbol, levels);
        assertThat(rest.path("lastUpdateId").asLong()).isEqualTo(lastUpdateId);
        assertThat(bids).isEqualTo(levels(rest.path("bids")));
        assertThat(asks).isEqualTo(levels(rest.path("asks")));
      }
    }
  }

  @Test
  void aConnectionIsClosedWhenItSendsTooFastAndRefusedMoreThanItsStreamLimit() throws Exception {
    try (WsClient many = WsClient.connect(fixture.ws("/ws"))) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < 1025; i++) {
        names.add("\"s" + i + "usdt@trade\"");
      }
      many.send("{\"method\":\"SUBSCRIBE\",\"params\":[" + String.join(",", names) + "],\"id\":1}");
      assertThat(reply(many).path("error").path("code").asInt()).isEqualTo(2);
    }
    try (WsClient chatty = WsClient.connect(fixture.ws("/ws"))) {
      for (int i = 0; i < 30 && !chatty.closed().isDone(); i++) {
        try {
          chatty.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + i + "}");
        } catch (CompletionException e) {
          // The server closed the connection between the check and this send: what the test wants.
          break;
        }
      }
      assertThat(chatty.closed().get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1008);
    }
  }

  @Test
  void aStalledClientIsDroppedWhileAnotherReceivesEveryTrade() throws Exception {
    String symbol = "SLWUSDT";
    fixture.configure(symbol);
    fixture.flush();
    try (WsClient fast = WsClient.connect(fixture.ws("/ws/slwusdt@trade"));
        StalledClient stalled = new StalledClient(fixture.port(), "/ws/slwusdt@trade/slwusdt@aggTrade")) {
      // Trades arrive in rounds smaller than a connection's queue, each once the fast client has read
      // the last: a client that keeps up is never dropped however slow the machine, while the stalled
      // one falls further behind with every round
      int trades = 20_000;
      int round = 100;
      Set<Long> received = new HashSet<>();
      for (int first = 1; first <= trades; first += round) {
        for (int id = first; id < first + round; id++) {
          fixture.send(Topics.MARKET_TRADES, symbol, MarketFixture.trade(symbol, id, 1_000_000 + id % 100, 100, id, false));
        }
        fixture.flush();
        int sent = first + round - 1;
        await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).until(() -> {
          fast.drain().forEach(event -> received.add(event.path("t").asLong()));
          return received.size() == sent;
        });
      }
      assertThat(stalled.drainedToEnd()).as("the server closed the stalled connection").isTrue();
      await().atMost(WAIT).until(() -> fixture.market().connectionCount() == 1);
      assertThat(fast.closed()).isNotDone();
    }
  }

  @Test
  void anAuthenticatedConnectionReceivesItsOwnAccountsUserDataOnly() throws Exception {
    try (WsClient alice = WsClient.connect(fixture.ws("/ws"), Map.of(MarketFixture.ACCOUNT_HEADER, "77"));
        WsClient bob = WsClient.connect(fixture.ws("/ws"), Map.of(MarketFixture.ACCOUNT_HEADER, "78"));
        WsClient anonymous = WsClient.connect(fixture.ws("/ws"))) {
      // When each account's order executes (Alice is also notified of hers), Alice's balance changes
      // and Bob's alert fires
      fixture.send(Topics.ORDER_EXECUTIONS, "77", execution(77, 1001));
      fixture.send(Topics.NOTIFICATIONS, "77", notification(77, NotificationKind.ORDER_UPDATE, "exec-BTCUSDT-1001"));
      fixture.send(Topics.ORDER_EXECUTIONS, "78", execution(78, 2002));
      fixture.send(Topics.WALLET_LEDGER, "77", ledger(77));
      fixture.send(Topics.NOTIFICATIONS, "78", notification(78, NotificationKind.PRICE_ALERT, "alert-9-fired-1"));
      fixture.flush();

      // Then each hears about its own only
      JsonNode report = alice.await(m -> m.path("e").asText().equals("executionReport"), WAIT);
      assertThat(report.path("i").asLong()).isEqualTo(1001);
      assertThat(report.path("X").asText()).isEqualTo("PARTIALLY_FILLED");
      assertThat(report.path("l").asText()).isEqualTo("0.50000000");
      assertThat(report.path("n").asText()).isEqualTo("0.00050000");
      assertThat(report.path("N").asText()).isEqualTo("BTC");
      JsonNode position = alice.await(m -> m.path("e").asText().equals("outboundAccountPosition"), WAIT);
      assertThat(position.path("B").get(0).toString()).isEqualTo("{\"a\":\"BTC\",\"f\":\"1.50000000\",\"l\":\"0.25000000\"}");
      assertThat(bob.await(m -> m.path("e").asText().equals("executionReport"), WAIT).path("i").asLong()).isEqualTo(2002);
      JsonNode alert = bob.await(m -> m.path("e").asText().equals("alert"), WAIT);
      assertThat(alert.path("id").asText()).isEqualTo("alert-9-fired-1");

      // ...and Alice's order update, which her executionReport already told, is not sent again
      Thread.sleep(500);
      assertThat(alice.drain()).noneMatch(m -> m.path("e").asText().equals("alert"));
      assertThat(bob.drain()).noneMatch(m -> m.path("e").asText().equals("outboundAccountPosition"));
      assertThat(anonymous.drain()).isEmpty();
    }
  }

  @Test
  void anUpgradeWithInvalidCredentialsIsRefused() {
    assertThatThrownBy(() -> WsClient.connect(fixture.ws("/ws"), Map.of(MarketFixture.ACCOUNT_HEADER, "forged")))
        .hasCauseInstanceOf(WebSocketHandshakeException.class)
        .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(401));
  }

  @Test
  void theServerPingsAndTheClientsPongsKeepTheConnectionOpen() throws Exception {
    try (WsClient client = WsClient.connect(fixture.ws("/ws/1"))) {
      await().atMost(WAIT).until(() -> client.pings() >= 2);
      client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1}");
      assertThat(reply(client).toString()).isEqualTo("{\"result\":[],\"id\":1}");
    }
  }

  private static JsonNode reply(WsClient client) throws InterruptedException {
    return client.await(m -> m.has("id"), WAIT);
  }

  private static JsonNode depth(String symbol) throws Exception {
    return depth(symbol, 1000);
  }

  private static JsonNode depth(String symbol, int limit) throws Exception {
    var response = fixture.get("/api/v3/depth?symbol=" + symbol + "&limit=" + limit);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return fixture.json.readTree(response.body());
  }

  /** A depth side's [price, quantity] levels as strings, in the order sent. */
  private static List<List<String>> levels(JsonNode side) {
    List<List<String>> levels = new ArrayList<>();
    side.forEach(level -> levels.add(List.of(level.get(0).asText(), level.get(1).asText())));
    return levels;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Execution execution(long account, long orderId) {
    return Execution.newBuilder()
        .setCommandId(orderId).setCommandKind(CommandKind.PLACE).setCommandComplete(true).setExecutionId(orderId)
        .setAccountId(account).setSymbol("BTCUSDT").setBaseAsset("BTC").setQuoteAsset("USDT").setBaseScale(8)
        .setQuoteScale(2).setOrderId(orderId).setClientOrderId("c" + orderId).setSide(Side.BUY).setType(OrderType.LIMIT)
        .setTimeInForce(TimeInForce.GTC).setPrice(3_000_000).setOrigQty(100_000_000).setQuoteOrderQty(0).setStopPrice(0)
        .setSelfTradePreventionMode(SelfTradePreventionMode.NONE).setExecutionType(ExecutionType.TRADE)
        .setStatus(OrderStatus.PARTIALLY_FILLED).setLastQty(50_000_000).setLastPrice(3_000_000)
        .setLastQuoteQty(1_500_000).setCumQty(50_000_000).setCumQuoteQty(1_500_000).setCommission(50_000)
        .setCommissionAsset("BTC").setTradeId(5).setIsMaker(false).setOrderTime(1).setTransactTime(2).build();
  }

  private static LedgerEntry ledger(long account) {
    return LedgerEntry.newBuilder().setAccountId(account).setEntryId(1).setAsset("BTC").setScale(8)
        .setDeltaFree(150_000_000).setDeltaLocked(25_000_000).setFreeAfter(150_000_000).setLockedAfter(25_000_000)
        .setCause(LedgerCause.DEPOSIT).setCauseId("d1").setCommandId(1).setTime(3).build();
  }

  private static Notification notification(long account, NotificationKind kind, String id) {
    return Notification.newBuilder().setNotificationId(id).setAccountId(account)
        .setKind(kind).setSymbol("BTCUSDT").setTitle("BTCUSDT price alert")
        .setMessage("BTCUSDT crossed above 30000.00000000").setTime(4).setAttributes(Map.of("alertId", "9")).build();
  }

  /** Limit orders around a mid price, a fifth of them crossing, and cancels of earlier orders. */
  private static final class OrderFlow {
    private static final long MID = 1_000_000;
    private final String symbol;
    private final Random random = new Random(42);
    private long nextOrderId = 1;

    OrderFlow(String symbol) {
      this.symbol = symbol;
    }

    /** Resting bids and asks on both sides of the mid price, one level each. */
    void seed(int levels) {
      for (int i = 1; i <= levels; i++) {
        fixture.place(symbol, 1, nextOrderId++, Side.BUY, MID - i * 10, 1_000);
        fixture.place(symbol, 2, nextOrderId++, Side.SELL, MID + i * 10, 1_000);
      }
    }

    void run(int commands) {
      for (int i = 1; i <= commands; i++) {
        if (random.nextInt(4) == 0) {
          fixture.cancel(symbol, 1 + random.nextInt(2), 1_000_000 + i, 1 + random.nextInt((int) nextOrderId - 1));
        } else {
          boolean buy = random.nextBoolean();
          long offset = random.nextInt(5) == 0 ? -random.nextInt(60) : 1 + random.nextInt(100);
          long price = buy ? MID - offset * 10 : MID + offset * 10;
          fixture.place(symbol, buy ? 1 : 2, nextOrderId++, buy ? Side.BUY : Side.SELL, price, 100L * (1 + random.nextInt(20)));
        }
        if (i % 20 == 0) {
          fixture.flush();
          try {
            Thread.sleep(30);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
      fixture.flush();
    }
  }
}
