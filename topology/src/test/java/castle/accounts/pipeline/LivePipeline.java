package castle.accounts.pipeline;

import static org.awaitility.Awaitility.await;

import castle.accounts.AccountsApp;
import castle.accounts.store.AccountStores;
import castle.accounts.support.Invariants;
import castle.accounts.config.AccountsConfig;
import castle.accounts.support.RandomTraffic.Input;
import castle.broker.SharedBroker;
import castle.market.MarketApp;
import castle.matching.MatchingApp;
import castle.matching.MatchingStores;
import castle.notifications.OrderNotificationsApp;
import castle.schema.matching.BookOrder;
import castle.topics.Topic;
import castle.topics.Topics;
import castle.topology.StreamsApp;
import castle.topology.StreamsEnvironment;
import castle.topology.StreamsSettings;
import castle.topology.TopicNames;
import castle.topology.runtime.StreamsRuntime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Accounts, the real matching app and, where a test wants them, the market app (candles and alerts) and
 * the order-notifications app, running on the shared embedded broker, each in its own StreamsRuntime so any can crash and restart alone.
 * The pipeline's topics are the registry's names (matching's app has no others), so a run starts by
 * recreating them empty and ends by deleting them; the apps get names of their own, and so their own
 * groups, changelogs and transactional ids. Tests in other modules (the sinks' end-to-end test) use it
 * through this module's test-jar.
 */
public final class LivePipeline implements AutoCloseable {

  private static final List<Topic<?>> TOPICS = List.of(
      Topics.ORDER_COMMANDS, Topics.ORDER_EXECUTIONS, Topics.WALLET_COMMANDS, Topics.USER_EVENTS,
      Topics.WALLET_LEDGER, Topics.WALLET_OUTCOMES, Topics.ORDERS_ACCEPTED, Topics.SYMBOLS,
      Topics.MARKET_TRADES, Topics.MARKET_DEPTH, Topics.ALERT_COMMANDS, Topics.MARKET_CANDLES, Topics.MARKET_TICKERS,
      Topics.NOTIFICATIONS);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Map<String, Object> kafka;
  private final Path stateDir;
  private final String accountsName;
  private final String matchingName;
  private final String marketName;
  private final String orderNotificationsName;
  private final KafkaProducer<String, byte[]> producer;
  private StreamsRuntime accounts;
  private StreamsRuntime matching;
  private StreamsRuntime market;
  private StreamsRuntime orderNotifications;

  private LivePipeline(Path stateDir, String run) {
    this.kafka = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers());
    this.stateDir = stateDir;
    this.accountsName = "accounts-" + run;
    this.matchingName = "matching-" + run;
    this.marketName = "market-" + run;
    this.orderNotificationsName = "order-notifications-" + run;
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  /** Empty pipeline topics with {@code partitions} each; nothing running yet. */
  public static LivePipeline create(int partitions, Path stateDir) throws Exception {
    recreateTopics(partitions);
    return new LivePipeline(stateDir, UUID.randomUUID().toString().substring(0, 8));
  }

  /** Starts accounts with the default configuration (and these extra Streams settings). */
  public void startAccounts(Map<String, Object> settings) {
    accounts = start(new Named(new AccountsApp(AccountsConfig.defaults(), TopicNames.standard()), accountsName, settings));
  }

  /** Starts matching (with these extra Streams settings). */
  public void startMatching(Map<String, Object> settings) {
    matching = start(new Named(new MatchingApp(), matchingName, settings));
  }

  /** Starts the market app with its default settings (and these extra Streams settings). */
  public void startMarket(Map<String, Object> settings) {
    market = start(new Named(new MarketApp(), marketName, settings));
  }

  /** Starts the order-notifications app (with these extra Streams settings). */
  public void startOrderNotifications(Map<String, Object> settings) {
    orderNotifications = start(new Named(new OrderNotificationsApp(), orderNotificationsName, settings));
  }

  /**
   * A crashed instance cannot leave its group, so its partitions wait out its session before a
   * restart gets them: the broker's minimum session (6 s) instead of Castle's 10 s keeps the test short.
   */
  static final Map<String, Object> QUICK_REJOIN = Map.of(
      StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000,
      StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_000);

  /**
   * Settings of an app restarted after a poison record: it skips what it cannot decode, and records
   * its tasks' restoration (a DEBUG-level metric) so a test can tell restored state from empty state.
   */
  static Map<String, Object> skippingPoison() {
    Map<String, Object> settings = new HashMap<>(QUICK_REJOIN);
    settings.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
    settings.put(StreamsConfig.METRICS_RECORDING_LEVEL_CONFIG, Sensor.RecordingLevel.DEBUG.name);
    return settings;
  }

  /** Waits until every app started runs. */
  public void awaitRunning() {
    await().atMost(Duration.ofSeconds(60)).until(() -> accounts.problem(accountsName).isEmpty()
        && matching.problem(matchingName).isEmpty() && (market == null || market.problem(marketName).isEmpty())
        && (orderNotifications == null || orderNotifications.problem(orderNotificationsName).isEmpty()));
  }

  /**
   * Writes a record no Castle serde can read to {@code topic}: the app reading it stops mid-stream,
   * its open transaction is aborted, and its local state is rebuilt from the changelog on restart.
   */
  void poison(Topic<?> topic, String key) throws Exception {
    producer.send(new ProducerRecord<>(topic.name(), key, "not an Avro record".getBytes())).get();
  }

  /** Waits until accounts has stopped on a poison record, then closes what is left of it. */
  void awaitAccountsCrashed() {
    awaitCrashed(accounts, accountsName);
  }

  /** Waits until matching has stopped on a poison record, then closes what is left of it. */
  void awaitMatchingCrashed() {
    awaitCrashed(matching, matchingName);
  }

  private static void awaitCrashed(StreamsRuntime runtime, String name) {
    KafkaStreams streams = runtime.apps().get(name);
    await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.ERROR);
    runtime.close();
  }

  /** Sends one input with its own timestamp; does not wait. */
  public void send(Input input) {
    producer.send(new ProducerRecord<>(input.topic(), null, input.timestamp(), input.key(), encode(input)));
  }

  /** Waits until everything sent so far is on the broker. */
  public void flush() {
    producer.flush();
  }

  /** Changelog records accounts restored into its stores since it last started (needs {@link #skippingPoison}). */
  long accountsRestored() {
    return restored(accounts.apps().get(accountsName));
  }

  /** Changelog records matching restored into its stores since it last started (needs {@link #skippingPoison}). */
  long matchingRestored() {
    return restored(matching.apps().get(matchingName));
  }

  private static long restored(KafkaStreams streams) {
    return streams.metrics().values().stream()
        .filter(m -> m.metricName().group().equals("stream-task-metrics") && m.metricName().name().equals("restore-total"))
        .mapToLong(m -> ((Number) m.metricValue()).longValue())
        .sum();
  }

  /**
   * Waits until both apps answer queries, then checks that they agree (accounts' open orders are
   * matching's orders, each covered by its reservation) and that matching's book is uncrossed.
   */
  void checkStagesAgree() {
    awaitQueryable();
    List<BookOrder> book = Invariants.values(matchingStore(MatchingStores.ORDERS));
    Pipeline.checkAgreement(Invariants.values(accountsStore(AccountStores.OPEN_ORDERS)), book);
    Pipeline.checkUncrossed(book);
  }

  /** Waits until both apps run and their stores answer, as after a restart's restoration. */
  void awaitQueryable() {
    awaitRunning();
    await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(InvalidStateStoreException.class).until(() ->
        accountsStore(AccountStores.BALANCES).approximateNumEntries() >= 0
            && matchingStore(MatchingStores.ORDERS).approximateNumEntries() >= 0);
  }

  /** The accounts app's stores, for interactive queries. */
  <V> ReadOnlyKeyValueStore<String, V> accountsStore(String name) {
    return store(accounts.apps().get(accountsName), name);
  }

  /** The matching app's stores, for interactive queries. */
  <V> ReadOnlyKeyValueStore<String, V> matchingStore(String name) {
    return store(matching.apps().get(matchingName), name);
  }

  /** A read_committed reader of a pipeline topic from its beginning. */
  public <V extends SpecificRecord> CommittedReader<V> reader(Topic<V> topic) {
    return new CommittedReader<>(kafka, topic);
  }

  /**
   * Stops every app, each committing what it has processed, and keeps the topics: what the pipeline
   * wrote stays, and grows no more, for whatever reads it next.
   */
  public void stopApps() {
    for (StreamsRuntime app : new StreamsRuntime[] {accounts, matching, market, orderNotifications}) {
      if (app != null) {
        app.close();
      }
    }
    accounts = null;
    matching = null;
    market = null;
    orderNotifications = null;
  }

  /** Stops the apps and deletes every topic the run made. */
  @Override
  public void close() {
    try (producer) {
      stopApps();
    } finally {
      try {
        deleteTopics(Set.of(internalPrefix(accountsName), internalPrefix(matchingName), internalPrefix(marketName),
            internalPrefix(orderNotificationsName)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while deleting the run's topics", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("Cannot delete the run's topics", e);
      }
    }
  }

  private StreamsRuntime start(StreamsApp app) {
    return StreamsRuntime.start(List.of(app), StreamsEnvironment.local(kafka, stateDir, null), new SimpleMeterRegistry(),
        CLOSE_TIMEOUT);
  }

  @SuppressWarnings("unchecked")
  private static byte[] encode(Input input) {
    Topic<SpecificRecord> topic = (Topic<SpecificRecord>) Topics.named(input.topic());
    return topic.valueSerde().encode(input.value());
  }

  private static <V> ReadOnlyKeyValueStore<String, V> store(KafkaStreams streams, String name) {
    return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
  }

  private static void recreateTopics(int partitions) throws Exception {
    deleteTopics(Set.of());
    try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()))) {
      List<NewTopic> topics = TOPICS.stream().map(t -> new NewTopic(t.name(), partitions, (short) 1)).toList();
      await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(TopicExistsException.class).until(() -> {
        try {
          admin.createTopics(topics).all().get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof TopicExistsException exists) {
            throw exists;
          }
          throw e;
        }
        return true;
      });
    }
  }

  /** Deletes the pipeline topics and every internal topic whose name starts with one of {@code prefixes}. */
  private static void deleteTopics(Set<String> prefixes) throws ExecutionException, InterruptedException {
    try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()))) {
      Set<String> existing = admin.listTopics().names().get();
      List<String> doomed = existing.stream()
          .filter(name -> TOPICS.stream().anyMatch(t -> t.name().equals(name)) || prefixes.stream().anyMatch(name::startsWith))
          .toList();
      admin.deleteTopics(doomed).all().get();
      await().atMost(Duration.ofSeconds(30)).until(() -> admin.listTopics().names().get().stream().noneMatch(doomed::contains));
    }
  }

  /** The prefix of the changelogs Kafka Streams creates for an app. */
  private static String internalPrefix(String appName) {
    return StreamsSettings.APPLICATION_ID_PREFIX + appName + "-";
  }

  /** An app under another name, so a test run gets its own application id, and extra settings. */
  private record Named(StreamsApp app, String name, Map<String, Object> settings) implements StreamsApp {
    @Override
    public Topology topology() {
      return app.topology();
    }

    @Override
    public Map<String, Object> overrides() {
      Map<String, Object> all = new HashMap<>(app.overrides());
      all.putAll(settings);
      return all;
    }
  }
}
