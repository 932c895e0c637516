package castle.iq.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castle.broker.SharedBroker;
import castle.iq.CastleQueries;
import castle.iq.InternalQueryRoutes;
import castle.iq.QueryRouter;
import castle.iq.StoreUnavailableException;
import castle.market.MarketApp;
import castle.market.MarketSettings;
import castle.market.read.MarketReads.TickerView;
import castle.money.FixedPoint;
import castle.schema.alerts.AlertCommand;
import castle.schema.alerts.AlertCondition;
import castle.schema.alerts.CreateAlert;
import castle.schema.alerts.Notification;
import castle.schema.alerts.NotificationKind;
import castle.schema.market.DepthUpdate;
import castle.schema.market.PriceLevel;
import castle.schema.market.Trade;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.reference.SymbolConfig;
import castle.schema.reference.SymbolStatus;
import castle.topics.Topic;
import castle.topics.Topics;
import castle.topology.StreamsEnvironment;
import castle.topology.StreamsSettings;
import castle.topology.TopicNames;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the market app in this JVM on the shared broker, each with its query router and
 * HTTP endpoint: market queries for symbols owned by the other instance are forwarded, they go on
 * answering right (or "unavailable", never wrong or empty) while one instance leaves and another
 * joins, and the alerts that fire meanwhile are each notified exactly once.
 */
class MarketQueriesTest {

  private static final String TOKEN = "market-iq-token";
  private static final int SYMBOLS = 12;
  private static final int SCALE = 2;
  private final ObjectMapper json = new ObjectMapper();
  private final String prefix = "iqm-" + UUID.randomUUID().toString().substring(0, 8) + ".";
  private final TopicNames topics = TopicNames.prefixed(prefix);
  private final Map<String, Object> kafka =
      Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers());
  private final Map<String, Long> tradeIds = new HashMap<>();

  /** One market app instance with its router and internal query endpoint. */
  private final class Instance implements AutoCloseable {
    final KafkaStreams streams;
    final QueryRouter router;
    final Javalin http;
    final HostInfo self;

    Instance(Path stateDir) throws Exception {
      int port = freePort();
      self = new HostInfo("127.0.0.1", port);
      MarketApp app = new MarketApp(topics, MarketSettings.defaults());
      Properties props = StreamsSettings.forApp(app, StreamsEnvironment.local(kafka, stateDir, "127.0.0.1:" + port));
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, prefix + "market");
      streams = new KafkaStreams(app.topology(), props);
      router = new QueryRouter(Map.of("market", streams), self, TOKEN, json, Duration.ofSeconds(10));
      InternalQueryRoutes routes = new InternalQueryRoutes(CastleQueries.registry(), router, TOKEN, json);
      http = Javalin.create(config -> {
        config.startup.showJavalinBanner = false;
        routes.register(config);
      }).start("127.0.0.1", port);
      streams.start();
    }

    boolean running() {
      return streams.state() == KafkaStreams.State.RUNNING;
    }

    @Override
    public void close() {
      streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
          .withTimeout(Duration.ofSeconds(10)));
      http.stop();
    }
  }

  @Test
  void answersSymbolsOwnedByTheOtherInstanceAcrossRebalancesAndNotifiesEachAlertOnce(@TempDir Path dir)
      throws Exception {
    createTopics();
    try (KafkaProducer<byte[], byte[]> producer = producer(); Instance first = new Instance(dir.resolve("a"))) {
      // Given every symbol configured and traded three times, with an alert above its price for its own account
      for (int i = 0; i < SYMBOLS; i++) {
        send(producer, Topics.SYMBOLS, symbol(i), config(i));
        for (int t = 0; t < 3; t++) {
          send(producer, Topics.MARKET_TRADES, symbol(i), trade(i, 100 + t));
        }
        send(producer, Topics.MARKET_DEPTH, symbol(i), depth(i));
        send(producer, Topics.ALERT_COMMANDS, symbol(i), alert(i));
      }
      producer.flush();
      Instance second = new Instance(dir.resolve("b"));
      await().atMost(Duration.ofSeconds(60)).until(() -> first.running() && second.running());
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEverySymbolTraded(first.router, 3));

      // Then both instances own symbols, and each answers for all of them
      assertThat(owners(first)).contains(first.self, second.self);
      assertEverySymbolTraded(second.router, 3);
      assertThat(first.router.fromAll(MarketQueries.TICKERS, MarketQueries.params(MarketQueries.NOW, now())).stream()
          .mapToLong(list -> list.tickers().size()).sum()).isEqualTo(SYMBOLS);

      // When trades keep coming (crossing every alert) and clients keep querying while an instance
      // leaves and another joins
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger answered = new AtomicInteger();
      ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
      Thread client = new Thread(() -> {
        int i = 0;
        while (running.get()) {
          String symbol = symbol(i++ % SYMBOLS);
          try {
            TickerView ticker = first.router.byKey(MarketQueries.TICKER, symbol,
                MarketQueries.params(MarketQueries.NOW, now()));
            if (!ticker.symbol().known() || ticker.tradeCount() < 3) {
              wrong.add(symbol + " -> " + ticker);
            }
            answered.incrementAndGet();
          } catch (StoreUnavailableException e) {
            // Allowed while state moves: the gateway answers 503 and the client retries.
          }
        }
      }, "market-query-client");
      client.start();
      for (int i = 0; i < SYMBOLS; i++) {
        send(producer, Topics.MARKET_TRADES, symbol(i), trade(i, 120));
      }
      producer.flush();
      second.close();
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(owners(first)).containsOnly(first.self));
      for (int i = 0; i < SYMBOLS; i++) {
        send(producer, Topics.MARKET_TRADES, symbol(i), trade(i, 121));
      }
      producer.flush();
      int beforeJoining = answered.get();
      try (Instance third = new Instance(dir.resolve("c"))) {
        await().atMost(Duration.ofSeconds(60)).until(() -> first.running() && third.running()
            && owners(first).contains(third.self));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(answered.get())
            .isGreaterThan(beforeJoining + SYMBOLS));
        running.set(false);
        client.join();

        // Then no answer was wrong or empty, and every symbol shows all five trades from either instance
        assertThat(wrong).as("answers that were wrong or empty").isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEverySymbolTraded(third.router, 5));
        assertEverySymbolTraded(first.router, 5);
      }

      // And each alert fired exactly once, to its own account
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        Map<String, Integer> fired = new HashMap<>();
        for (Notification notification : readNotifications()) {
          if (notification.getKind() == NotificationKind.PRICE_ALERT) {
            assertThat(notification.getAccountId()).isEqualTo(account(notification.getSymbol()));
            fired.merge(notification.getNotificationId(), 1, Integer::sum);
          }
        }
        assertThat(fired).hasSize(SYMBOLS);
        assertThat(fired.values()).containsOnly(1);
      });
    }
  }

  private void assertEverySymbolTraded(QueryRouter router, long trades) {
    for (int i = 0; i < SYMBOLS; i++) {
      TickerView ticker = router.byKey(MarketQueries.TICKER, symbol(i), MarketQueries.params(MarketQueries.NOW, now()));
      assertThat(ticker.tradeCount()).as("trades of %s", symbol(i)).isEqualTo(trades);
      assertThat(router.byKey(MarketQueries.TRADES, symbol(i), MarketQueries.params(MarketQueries.LIMIT, 10)).trades())
          .hasSize((int) trades);
      assertThat(router.byKey(MarketQueries.DEPTH, symbol(i), MarketQueries.params(MarketQueries.LIMIT, 10))
          .lastUpdateId()).isEqualTo(1);
    }
  }

  private List<HostInfo> owners(Instance instance) {
    List<HostInfo> owners = new ArrayList<>();
    for (int i = 0; i < SYMBOLS; i++) {
      HostInfo owner = instance.streams.queryMetadataForKey(
          castle.market.store.MarketStores.TICKERS, symbol(i), new StringSerializer()).activeHost();
      if (!owners.contains(owner)) {
        owners.add(owner);
      }
    }
    return owners;
  }

  private static String symbol(int i) {
    return "SYM" + (char) ('A' + i) + "USDT";
  }

  private static long account(String symbol) {
    return 1000 + (symbol.charAt(3) - 'A');
  }

  private static long now() {
    return System.currentTimeMillis();
  }

  private Trade trade(int i, long price) {
    String symbol = symbol(i);
    long id = tradeIds.merge(symbol, 1L, Long::sum);
    long units = price * 100;
    return Trade.newBuilder()
        .setSymbol(symbol).setTradeId(id).setPrice(units).setQty(100).setQuoteQty(FixedPoint.notional(units, 100, SCALE))
        .setTime(now()).setBuyerIsMaker(true).setBuyOrderId(id).setSellOrderId(id + 1).setBuyerAccountId(1)
        .setSellerAccountId(2).setBuyerCommission(0).setSellerCommission(0).setTakerCommandId(id)
        .setBaseAsset(symbol.substring(0, 4)).setQuoteAsset("USDT").setBaseScale(SCALE).setQuoteScale(SCALE).build();
  }

  private static DepthUpdate depth(int i) {
    return DepthUpdate.newBuilder().setSymbol(symbol(i)).setUpdateId(1).setTime(now())
        .setBids(List.of(new PriceLevel(9_900L, 100L))).setAsks(List.of(new PriceLevel(10_500L, 100L)))
        .setBaseScale(SCALE).setQuoteScale(SCALE).build();
  }

  private static SymbolConfig config(int i) {
    return SymbolConfig.newBuilder().setSymbol(symbol(i)).setBaseAsset(symbol(i).substring(0, 4)).setQuoteAsset("USDT")
        .setBaseScale(SCALE).setQuoteScale(SCALE).setTickSize(1).setMinPrice(1).setMaxPrice(100_000_000L).setStepSize(1)
        .setMinQty(1).setMaxQty(100_000_000L).setMinNotional(0).setMaxNotional(0)
        .setDefaultSelfTradePreventionMode(SelfTradePreventionMode.NONE).setStatus(SymbolStatus.TRADING).setUpdatedAt(0)
        .build();
  }

  private static AlertCommand alert(int i) {
    return new AlertCommand((long) i, account(symbol(i)), symbol(i), CreateAlert.newBuilder()
        .setAlertId(500L + i).setCondition(AlertCondition.CROSSES_ABOVE).setPrice(11_000L).setRecurring(false)
        .setQuoteScale(SCALE).build());
  }

  @SuppressWarnings("unchecked")
  private <V extends org.apache.avro.specific.SpecificRecord> void send(
      KafkaProducer<byte[], byte[]> producer, Topic<V> topic, String key, V value) {
    producer.send(new ProducerRecord<>(topics.of(topic), key.getBytes(), topic.valueSerde().encode(value)));
  }

  private KafkaProducer<byte[], byte[]> producer() {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private List<Notification> readNotifications() {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<Notification> notifications = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topics.of(Topics.NOTIFICATIONS)).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          Notification notification = Topics.NOTIFICATIONS.valueSerde().decode(record.value());
          assertThat(record.key()).isEqualTo(Long.toString(notification.getAccountId()));
          notifications.add(notification);
        }
      }
    }
    return notifications;
  }

  private void createTopics() throws Exception {
    List<NewTopic> created = new ArrayList<>();
    for (Topic<?> topic : List.of(Topics.MARKET_TRADES, Topics.MARKET_DEPTH, Topics.ALERT_COMMANDS, Topics.SYMBOLS,
        Topics.MARKET_CANDLES, Topics.MARKET_TICKERS, Topics.NOTIFICATIONS)) {
      created.add(new NewTopic(topics.of(topic), 4, (short) 1));
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
}
