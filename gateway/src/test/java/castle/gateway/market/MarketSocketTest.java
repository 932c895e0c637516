package castle.gateway.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import castle.gateway.market.ws.WsLimits;
import castle.money.FixedPoint;
import castle.schema.alerts.Notification;
import castle.schema.alerts.NotificationKind;
import castle.schema.market.PriceLevel;
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
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket endpoints with a real client, the real market app and Kafka feeds: depth sync by
 * Binance's rules while updates and trades flow, every stream's events, the subscription protocol,
 * per-connection limits, a stalled client dropped without holding up others, and user data for its
 * own account only.
 */
class MarketSocketTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static MarketFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new MarketFixture(new WsLimits(1024, 5, 10, 200, 256 * 1024, 64 * 1024, Duration.ofSeconds(1),
        Duration.ofSeconds(60)));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void aLocalBookFromTheSnapshotAndDiffsEqualsTheRestDepthWhileUpdatesAndTradesFlow() throws Exception {
    // Given a market whose book changes every few milliseconds, with trades in between
    String symbol = "SYNUSDT";
    fixture.configure(symbol);
    fixture.flush();
    BookModel model = new BookModel(symbol);
    Thread producer = new Thread(() -> model.produce(600), "book-producer");
    producer.start();
    Thread.sleep(300);

    try (WsClient client = WsClient.connect(fixture.ws("/ws/0"))) {
      // When a client subscribes mid-stream, then takes a snapshot and applies the diffs
      client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"synusdt@depth@100ms\"],\"id\":1}");
      assertThat(client.await(m -> m.has("id"), WAIT).toString()).isEqualTo("{\"result\":null,\"id\":1}");
      DepthSync book = new DepthSync(MarketFixture.BASE_SCALE, MarketFixture.QUOTE_SCALE);
      book.snapshot(depth(symbol));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (producer.isAlive() || book.lastUpdateId() < model.lastUpdateId()) {
        assertThat(System.nanoTime()).as("caught up before the deadline").isLessThan(deadline);
        JsonNode event = client.next(Duration.ofMillis(500));
        if (event == null || !"depthUpdate".equals(event.path("e").asText())) {
          continue;
        }
        while (!book.apply(event)) {
          book.snapshot(depth(symbol));
        }
      }

      // Then, once the snapshot's source has caught up too, the local book is exactly the REST
      // depth, and both are the book that was produced
      assertThat(book.lastUpdateId()).isEqualTo(model.lastUpdateId());
      await().atMost(WAIT).until(() -> depth(symbol).path("lastUpdateId").asLong() == model.lastUpdateId());
      JsonNode rest = depth(symbol);
      DepthSync fromRest = new DepthSync(MarketFixture.BASE_SCALE, MarketFixture.QUOTE_SCALE);
      fromRest.snapshot(rest);
      assertThat(book.bids).isEqualTo(fromRest.bids).isEqualTo(model.bids);
      assertThat(book.asks).isEqualTo(fromRest.asks).isEqualTo(model.asks);
      assertThat(model.bids).isNotEmpty();
    }
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

      // When the book gets levels and a trade happens
      fixture.send(Topics.MARKET_DEPTH, symbol, MarketFixture.depth(symbol, 1, levels(2_000_000, 6),
          levels(2_010_000, 6)));
      fixture.send(Topics.MARKET_TRADES, symbol, MarketFixture.trade(symbol, 1, 2_005_000, 10_000, 1, false));
      fixture.flush();

      // Then each stream delivers its event
      JsonNode book = client.await(m -> m.has("u") && m.has("B"), WAIT);
      assertThat(fieldNames(book)).containsExactly("u", "s", "b", "B", "a", "A");
      assertThat(book.path("b").asText()).isEqualTo("20000.00000000");
      assertThat(book.path("a").asText()).isEqualTo("20100.00000000");
      JsonNode kline = client.await(m -> m.path("e").asText().equals("kline"), WAIT);
      assertThat(fieldNames(kline.path("k"))).containsExactly(
          "t", "T", "s", "i", "f", "L", "o", "c", "h", "l", "v", "n", "x", "q", "V", "Q", "B");
      assertThat(kline.path("k").path("i").asText()).isEqualTo("1m");
      JsonNode ticker = client.await(m -> m.path("e").asText().equals("24hrTicker") && m.path("n").asLong() == 1, WAIT);
      assertThat(ticker.path("c").asText()).isEqualTo("20050.00000000");
      assertThat(ticker.has("B")).isTrue();
      client.await(m -> m.path("e").asText().equals("24hrMiniTicker"), WAIT);
      JsonNode partial = client.await(m -> m.has("lastUpdateId"), WAIT);
      assertThat(fieldNames(partial)).containsExactly("lastUpdateId", "bids", "asks");
      assertThat(partial.path("bids")).hasSize(5);
      assertThat(partial.path("bids").get(0).get(0).asText()).isEqualTo("20000.00000000");
      JsonNode diff = client.await(m -> m.path("e").asText().equals("depthUpdate"), WAIT);
      assertThat(fieldNames(diff)).containsExactly("e", "E", "s", "U", "u", "b", "a");
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
        chatty.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + i + "}");
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
      int trades = 20_000;
      for (int id = 1; id <= trades; id++) {
        fixture.send(Topics.MARKET_TRADES, symbol, MarketFixture.trade(symbol, id, 1_000_000 + id % 100, 100, id, false));
      }
      fixture.flush();

      Set<Long> received = new HashSet<>();
      await().atMost(Duration.ofSeconds(90)).until(() -> {
        fast.drain().forEach(event -> received.add(event.path("t").asLong()));
        return received.size() == trades;
      });
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
      // When each account's order executes, Alice's balance changes and Bob's alert fires
      fixture.send(Topics.ORDER_EXECUTIONS, "77", execution(77, 1001));
      fixture.send(Topics.ORDER_EXECUTIONS, "78", execution(78, 2002));
      fixture.send(Topics.WALLET_LEDGER, "77", ledger(77));
      fixture.send(Topics.NOTIFICATIONS, "78", notification(78));
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
    var response = fixture.get("/api/v3/depth?symbol=" + symbol + "&limit=1000");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return fixture.json.readTree(response.body());
  }

  private static List<PriceLevel> levels(long best, int count) {
    List<PriceLevel> levels = new ArrayList<>();
    long step = best >= 2_010_000 ? 1_000 : -1_000;
    for (int i = 0; i < count; i++) {
      levels.add(new PriceLevel(best + i * step, 10_000L * (i + 1)));
    }
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

  private static Notification notification(long account) {
    return Notification.newBuilder().setNotificationId("alert-9-fired-1").setAccountId(account)
        .setKind(NotificationKind.PRICE_ALERT).setSymbol("BTCUSDT").setTitle("BTCUSDT price alert")
        .setMessage("BTCUSDT crossed above 30000.00000000").setTime(4).setAttributes(Map.of("alertId", "9")).build();
  }

  /** Produces a changing book: a few levels per update, absolute quantities, gap-free update ids. */
  private static final class BookModel {
    final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
    final TreeMap<Long, Long> asks = new TreeMap<>();
    private final String symbol;
    private final AtomicLong lastUpdateId = new AtomicLong();
    private final Random random = new Random(42);

    BookModel(String symbol) {
      this.symbol = symbol;
    }

    long lastUpdateId() {
      return lastUpdateId.get();
    }

    void produce(int updates) {
      long tradeId = 0;
      for (int i = 1; i <= updates; i++) {
        List<PriceLevel> bidChanges = changes(bids, 1_000_000);
        List<PriceLevel> askChanges = changes(asks, 1_003_000);
        fixture.send(Topics.MARKET_DEPTH, symbol, MarketFixture.depth(symbol, i, bidChanges, askChanges));
        if (i % 3 == 0) {
          tradeId++;
          fixture.send(Topics.MARKET_TRADES, symbol,
              MarketFixture.trade(symbol, tradeId, 1_001_500, 1_000, tradeId, i % 2 == 0));
        }
        if (i % 20 == 0) {
          fixture.flush();
          sleep();
        }
        lastUpdateId.set(i);
      }
      fixture.flush();
    }

    private List<PriceLevel> changes(TreeMap<Long, Long> side, long base) {
      List<PriceLevel> changes = new ArrayList<>();
      int count = random.nextInt(3);
      for (int c = 0; c < count; c++) {
        long price = base + random.nextInt(300) * 10L;
        long qty = random.nextInt(4) == 0 ? 0 : FixedPoint.pow10(MarketFixture.BASE_SCALE - 2) * (1 + random.nextInt(500));
        if (changes.stream().anyMatch(level -> level.getPrice() == price)) {
          continue;
        }
        changes.add(new PriceLevel(price, qty));
        if (qty == 0) {
          side.remove(price);
        } else {
          side.put(price, qty);
        }
      }
      return changes;
    }

    private static void sleep() {
      try {
        Thread.sleep(40);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
