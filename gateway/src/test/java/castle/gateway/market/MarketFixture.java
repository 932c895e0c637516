package castle.gateway.market;

import castle.broker.SharedBroker;
import castle.gateway.GatewayServer;
import castle.gateway.GatewaySettings;
import castle.gateway.api.ApiErrors;
import castle.gateway.api.ApiException;
import castle.gateway.api.EndpointWeights;
import castle.gateway.ids.IdGenerator;
import castle.gateway.kafka.KafkaClients;
import castle.gateway.market.ws.WsLimits;
import castle.iq.CastleQueries;
import castle.iq.InternalQueryRoutes;
import castle.iq.QueryRouter;
import castle.market.MarketApp;
import castle.market.MarketSettings;
import castle.matching.MatchingApp;
import castle.matching.MatchingTopics;
import castle.matching.book.FastOrderBook;
import castle.money.FixedPoint;
import castle.schema.market.DepthUpdate;
import castle.schema.market.PriceLevel;
import castle.schema.market.Trade;
import castle.schema.orders.AcceptedCommand;
import castle.schema.orders.AcceptedOrder;
import castle.schema.orders.CancelOrder;
import castle.schema.orders.OrderType;
import castle.schema.orders.PlaceOrder;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.orders.Side;
import castle.schema.orders.TimeInForce;
import castle.schema.reference.SymbolConfig;
import castle.schema.reference.SymbolStatus;
import castle.topics.Topic;
import castle.topics.Topics;
import castle.topology.StreamsApp;
import castle.topology.StreamsEnvironment;
import castle.topology.StreamsSettings;
import castle.topology.TopicNames;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import static org.awaitility.Awaitility.await;

/**
 * A gateway with market data over the real market app, its query router and the shared broker,
 * on topics of its own. Requests authenticate through the seam with an {@code X-Test-Account}
 * header holding the account id (anything else is refused as a bad key), standing in for the
 * identity part's JWT and API keys.
 */
final class MarketFixture implements AutoCloseable {

  static final String ACCOUNT_HEADER = "X-Test-Account";
  static final int BASE_SCALE = 4;
  static final int QUOTE_SCALE = 2;

  final TopicNames topics = TopicNames.prefixed("gw-" + UUID.randomUUID().toString().substring(0, 8) + ".");
  final Map<String, Object> kafka =
      Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers());
  final EndpointWeights weights = new EndpointWeights();
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();
  private final KafkaStreams streams;
  private final KafkaStreams matching;
  private final MarketGateway market;
  private final GatewayServer server;
  private final KafkaProducer<String, byte[]> producer;

  /**
   * A gateway over the market app and, with {@code withMatching}, the matching app: orders placed
   * with {@link #place} then trade for real, and depth snapshots come from matching's book as in
   * production. Without it, snapshots come from the market app's copy of the book.
   */
  MarketFixture(WsLimits limits, boolean withMatching) throws Exception {
    createTopics();
    int port = freePort();
    Path state = Files.createTempDirectory("gateway-market-");
    StreamsEnvironment environment = StreamsEnvironment.local(kafka, state, "127.0.0.1:" + port);
    streams = streams(new MarketApp(topics, MarketSettings.defaults()), environment);
    matching = withMatching
        ? streams(new MatchingApp(FastOrderBook::new, MatchingTopics.prefixed(topics.prefix())), environment)
        : null;
    String token = UUID.randomUUID().toString();
    Map<String, KafkaStreams> apps = withMatching ? Map.of("market", streams, "matching", matching) : Map.of("market", streams);
    QueryRouter router = new QueryRouter(apps, new HostInfo("127.0.0.1", port), token, json, Duration.ofSeconds(3));
    apps.values().forEach(KafkaStreams::start);
    DepthSource depth = withMatching ? DepthSource.matchingBook(router) : DepthSource.marketBook(router);
    market = MarketGateway.start(new MarketGateway.Settings(router, depth, MarketFixture::testAccount,
        new KafkaClients(kafka, new SimpleMeterRegistry()), topics, weights, new IdGenerator(1), limits));
    InternalQueryRoutes internal = new InternalQueryRoutes(CastleQueries.registry(), router, token, json);
    server = GatewayServer.start(new GatewaySettings("127.0.0.1", port),
        List.of(ApiErrors::register, market::register, internal::register));
    Map<String, Object> producerConfig = new HashMap<>(kafka);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
    await().atMost(Duration.ofSeconds(60)).until(() -> market.feedsStarted()
        && apps.values().stream().allMatch(app -> app.state() == KafkaStreams.State.RUNNING));
  }

  private KafkaStreams streams(StreamsApp app, StreamsEnvironment environment) {
    Properties props = StreamsSettings.forApp(app, environment);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, topics.prefix() + app.name());
    return new KafkaStreams(app.topology(), props);
  }

  private static Optional<Long> testAccount(Context ctx) {
    String account = ctx.header(ACCOUNT_HEADER);
    if (account == null) {
      return Optional.empty();
    }
    if (!account.matches("[0-9]{1,18}")) {
      throw ApiException.invalidApiKey();
    }
    return Optional.of(Long.parseLong(account));
  }

  int port() {
    return server.port();
  }

  MarketGateway market() {
    return market;
  }

  /** Sends a record to this fixture's copy of a topic. */
  <V extends SpecificRecord> void send(Topic<V> topic, String key, V value) {
    producer.send(new ProducerRecord<>(topics.of(topic), key, topic.valueSerde().encode(value)));
  }

  void flush() {
    producer.flush();
  }

  void configure(String symbol) {
    send(Topics.SYMBOLS, symbol, SymbolConfig.newBuilder()
        .setSymbol(symbol).setBaseAsset(symbol.substring(0, 3)).setQuoteAsset("USDT")
        .setBaseScale(BASE_SCALE).setQuoteScale(QUOTE_SCALE).setTickSize(1).setMinPrice(1).setMaxPrice(100_000_000L)
        .setStepSize(1).setMinQty(1).setMaxQty(100_000_000L).setMinNotional(0).setMaxNotional(0)
        .setDefaultSelfTradePreventionMode(SelfTradePreventionMode.NONE).setStatus(SymbolStatus.TRADING)
        .setUpdatedAt(System.currentTimeMillis()).build());
  }

  /** A GTC limit order, funded as accounts would have funded it, straight to matching. */
  void place(String symbol, long account, long orderId, Side side, long price, long qty) {
    PlaceOrder order = PlaceOrder.newBuilder().setOrderId(orderId).setClientOrderId("o" + orderId).setSide(side)
        .setType(OrderType.LIMIT).setTimeInForce(TimeInForce.GTC).setPrice(price).setQuantity(qty).build();
    long reserved = side == Side.BUY ? FixedPoint.notionalCeil(price, qty, BASE_SCALE) : qty;
    send(Topics.ORDERS_ACCEPTED, symbol, new AcceptedCommand(orderId, account, symbol, new AcceptedOrder(order, reserved, 0, 0)));
  }

  /** Cancels an order, as accounts forwards a cancel to matching. */
  void cancel(String symbol, long account, long commandId, long orderId) {
    send(Topics.ORDERS_ACCEPTED, symbol,
        new AcceptedCommand(commandId, account, symbol, new CancelOrder(orderId, null, "c" + commandId)));
  }

  static Trade trade(String symbol, long id, long price, long qty, long takerCommandId, boolean buyerIsMaker) {
    return Trade.newBuilder()
        .setSymbol(symbol).setTradeId(id).setPrice(price).setQty(qty)
        .setQuoteQty(FixedPoint.notional(price, qty, BASE_SCALE)).setTime(System.currentTimeMillis())
        .setBuyerIsMaker(buyerIsMaker).setBuyOrderId(id * 2).setSellOrderId(id * 2 + 1).setBuyerAccountId(7)
        .setSellerAccountId(8).setBuyerCommission(0).setSellerCommission(0).setTakerCommandId(takerCommandId)
        .setBaseAsset(symbol.substring(0, 3)).setQuoteAsset("USDT").setBaseScale(BASE_SCALE).setQuoteScale(QUOTE_SCALE)
        .build();
  }

  static DepthUpdate depth(String symbol, long updateId, List<PriceLevel> bids, List<PriceLevel> asks) {
    return DepthUpdate.newBuilder().setSymbol(symbol).setUpdateId(updateId).setTime(System.currentTimeMillis())
        .setBids(new ArrayList<>(bids)).setAsks(new ArrayList<>(asks)).setBaseScale(BASE_SCALE).setQuoteScale(QUOTE_SCALE)
        .build();
  }

  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> request(String method, String pathAndQuery, Long account, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (account != null) {
      request.header(ACCOUNT_HEADER, account.toString());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
  }

  URI ws(String pathAndQuery) {
    return URI.create("ws://127.0.0.1:" + port() + pathAndQuery);
  }

  private void createTopics() throws Exception {
    List<NewTopic> created = new ArrayList<>();
    for (Topic<?> topic : List.of(Topics.ORDERS_ACCEPTED, Topics.MARKET_TRADES, Topics.MARKET_DEPTH, Topics.ALERT_COMMANDS,
        Topics.SYMBOLS,
        Topics.MARKET_CANDLES, Topics.MARKET_TICKERS, Topics.NOTIFICATIONS, Topics.ORDER_EXECUTIONS,
        Topics.WALLET_LEDGER)) {
      created.add(new NewTopic(topics.of(topic), 2, (short) 1));
    }
    try (Admin admin = Admin.create(kafka)) {
      admin.createTopics(created).all().get();
      // Producing before the new partitions have a leader can leave an idempotent producer retrying
      // a batch the broker already appended; wait until every partition is led.
      List<String> names = created.stream().map(NewTopic::name).toList();
      await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeTopics(names).allTopicNames().get().values()
          .stream().allMatch(topic -> topic.partitions().stream().allMatch(partition -> partition.leader() != null)));
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    server.close();
    market.close();
    producer.close(Duration.ofSeconds(5));
    CloseOptions leave = CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(10));
    streams.close(leave);
    if (matching != null) {
      matching.close(leave);
    }
  }
}
