package castle.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castle.broker.SharedBroker;
import castle.matching.book.FastOrderBook;
import castle.matching.engine.CommandOutput;
import castle.matching.engine.RandomMarket;
import castle.matching.engine.SymbolEngine;
import castle.matching.query.DepthQuery;
import castle.matching.query.DepthSnapshot;
import castle.schema.market.DepthUpdate;
import castle.schema.market.Trade;
import castle.schema.orders.Execution;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.reference.SymbolConfig;
import castle.schema.reference.SymbolStatus;
import castle.topics.Topics;
import castle.topology.StreamsApp;
import castle.topology.StreamsEnvironment;
import castle.topology.StreamsSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matching app on a real broker, exactly once, through a clean restart on its state directory,
 * a SIGKILL of the process mid-stream and the restore from the changelog that follows. Every
 * committed output must equal, byte for byte and without gaps or duplicates, what an uninterrupted
 * engine produces from the same input; and the queryable depth must match the book.
 */
class MatchingCrashRestoreTest {

  private static final int CHUNK = 150;

  @TempDir Path state;

  private final String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8) + ".";
  private final MatchingTopics topics = MatchingTopics.prefixed(prefix);
  private final StreamsApp app = MatchingChild.app("matching-" + prefix.replace(".", ""), prefix);
  private final Map<String, Object> kafka =
      Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers());

  @Test
  void committedOutputsSurviveARestartAndAKillExactlyOnce() throws Exception {
    // Given a busy market and what an uninterrupted engine makes of it
    SymbolConfig config = RandomMarket.config(SymbolStatus.TRADING, SelfTradePreventionMode.NONE);
    List<RandomMarket.Event> commands =
        new RandomMarket(77).next(3 * CHUNK + 40).stream().filter(e -> e.command() != null).limit(3 * CHUNK).toList();
    Expected expected = Expected.of(config, commands);
    createTopics();

    try (KafkaProducer<String, byte[]> producer = producer();
        Outputs outputs = new Outputs(kafka, topics)) {
      producer.send(new ProducerRecord<>(topics.symbols(), null, 1L, config.getSymbol(),
          Topics.SYMBOLS.valueSerde().encode(config))).get();

      // When the first chunk runs on an instance that then stops cleanly
      try (KafkaStreams streams = start(null)) {
        send(producer, commands.subList(0, CHUNK));
        outputs.awaitExecutions(expected.executionsAfter(CHUNK));
        awaitDepth(streams, expected.depthAfter(CHUNK));
      }

      // And the second chunk reaches an instance in another JVM that is killed while it works
      Process child = startChild();
      Thread sender = new Thread(() -> sendSlowly(producer, commands.subList(CHUNK, 2 * CHUNK)));
      sender.start();
      outputs.awaitExecutions(expected.executionsAfter(CHUNK) + 1);
      child.destroyForcibly().waitFor();
      outputs.drainBriefly();
      assertThat(outputs.count(topics.executions())).as("committed when killed: mid-stream")
          .isLessThan(expected.executionsAfter(2 * CHUNK));
      sender.join();

      // And a new instance on the same state directory takes over and runs the third chunk
      AtomicLong restored = new AtomicLong();
      try (KafkaStreams streams = start(restored)) {
        send(producer, commands.subList(2 * CHUNK, 3 * CHUNK));
        outputs.awaitExecutions(expected.executions.size());
        awaitDepth(streams, expected.depthAfter(3 * CHUNK));
      }

      // Then the crash forced a restore from the changelog, and the outputs are exactly the expected ones
      assertThat(restored.get()).as("records restored from the changelogs").isPositive();
      outputs.drainBriefly();
      assertThat(outputs.sorted(topics.executions(), Execution.class, Execution::getExecutionId))
          .containsExactlyElementsOf(expected.executions);
      assertThat(outputs.sorted(topics.trades(), Trade.class, Trade::getTradeId))
          .containsExactlyElementsOf(expected.trades);
      assertThat(outputs.sorted(topics.depth(), DepthUpdate.class, DepthUpdate::getUpdateId))
          .containsExactlyElementsOf(expected.depth);
    }
  }

  private KafkaStreams start(AtomicLong restored) {
    StreamsEnvironment environment = StreamsEnvironment.local(kafka, state, null);
    KafkaStreams streams = new KafkaStreams(app.topology(), StreamsSettings.forApp(app, environment));
    if (restored != null) {
      streams.setGlobalStateRestoreListener(new StateRestoreListener() {
        @Override
        public void onRestoreStart(TopicPartition partition, String store, long start, long end) {}

        @Override
        public void onBatchRestored(TopicPartition partition, String store, long end, long count) {
          restored.addAndGet(count);
        }

        @Override
        public void onRestoreEnd(TopicPartition partition, String store, long total) {}
      });
    }
    streams.start();
    await().atMost(Duration.ofSeconds(90)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
    return streams;
  }

  private Process startChild() throws Exception {
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "-cp", System.getProperty("java.class.path"), MatchingChild.class.getName(),
            SharedBroker.bootstrapServers(), state.toString(), app.name(), prefix)
        .redirectErrorStream(true)
        .start();
    BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream()));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.startsWith("RUNNING")) {
        Thread drain = new Thread(() -> lines.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        return child;
      }
      if (line.startsWith("FAILED")) {
        throw new AssertionError("matching child did not start: " + line);
      }
    }
    throw new AssertionError("matching child exited with " + child.waitFor());
  }

  private void awaitDepth(KafkaStreams streams, DepthSnapshot expected) {
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
        assertThat(DepthQuery.depth(streams, RandomMarket.SYMBOL, DepthQuery.MAX_LIMIT)).contains(expected));
  }

  private void createTopics() throws Exception {
    try (Admin admin = Admin.create(kafka)) {
      admin.createTopics(List.of(topics.accepted(), topics.symbols(), topics.executions(), topics.trades(),
              topics.depth()).stream().map(name -> new NewTopic(name, 2, (short) 1)).toList())
          .all().get();
    }
  }

  private KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(Map.of(
        CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 1),
        new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer());
  }

  private void send(KafkaProducer<String, byte[]> producer, List<RandomMarket.Event> events) {
    for (RandomMarket.Event event : events) {
      producer.send(new ProducerRecord<>(topics.accepted(), null, event.time(), event.command().getSymbol(),
          Topics.ORDERS_ACCEPTED.valueSerde().encode(event.command())));
    }
    producer.flush();
  }

  /** Trickles commands in so the kill lands while the child is working through them. */
  private void sendSlowly(KafkaProducer<String, byte[]> producer, List<RandomMarket.Event> events) {
    for (RandomMarket.Event event : events) {
      send(producer, List.of(event));
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** What an uninterrupted engine makes of the input, encoded as the topics carry it. */
  private record Expected(
      List<Execution> executions, List<Trade> trades, List<DepthUpdate> depth, List<Integer> executionCounts,
      List<DepthSnapshot> depths) {

    static Expected of(SymbolConfig config, List<RandomMarket.Event> commands) {
      SymbolEngine engine = new SymbolEngine(RandomMarket.SYMBOL, new FastOrderBook());
      engine.configure(config);
      Expected expected = new Expected(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
          new ArrayList<>());
      for (RandomMarket.Event event : commands) {
        CommandOutput out = engine.execute(event.command(), event.time());
        expected.executions.addAll(copy(out.executions(), Execution.class));
        expected.trades.addAll(copy(out.trades(), Trade.class));
        if (out.depthUpdate() != null) {
          expected.depth.add(copy(List.of(out.depthUpdate()), DepthUpdate.class).get(0));
        }
        expected.executionCounts.add(expected.executions.size());
        expected.depths.add(snapshot(engine, config));
      }
      return expected;
    }

    int executionsAfter(int commands) {
      return executionCounts.get(commands - 1);
    }

    DepthSnapshot depthAfter(int commands) {
      return depths.get(commands - 1);
    }

    private static <T extends SpecificRecord> List<T> copy(List<T> records, Class<T> type) {
      var serde = castle.serde.AvroSerde.of(type);
      return records.stream().map(r -> serde.decode(serde.encode(r))).toList();
    }

    private static DepthSnapshot snapshot(SymbolEngine engine, SymbolConfig config) {
      return new DepthSnapshot(RandomMarket.SYMBOL, engine.lastUpdateId(), config.getBaseScale(),
          config.getQuoteScale(), levels(engine, true), levels(engine, false));
    }

    private static List<DepthSnapshot.Level> levels(SymbolEngine engine, boolean buy) {
      int max = engine.book().size();
      long[] prices = new long[max];
      long[] quantities = new long[max];
      int n = engine.book().levels(buy, max, prices, quantities);
      List<DepthSnapshot.Level> levels = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        levels.add(new DepthSnapshot.Level(prices[i], quantities[i]));
      }
      return levels;
    }
  }

  /** A read_committed consumer of the three output topics, collecting everything it sees. */
  private static final class Outputs implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    private final MatchingTopics topics;

    Outputs(Map<String, Object> kafka, MatchingTopics topics) {
      this.topics = topics;
      this.consumer = new KafkaConsumer<>(Map.of(
          CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG),
          ConsumerConfig.GROUP_ID_CONFIG, "check-" + topics.executions(),
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
          ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
          new StringDeserializer(), new ByteArrayDeserializer());
      consumer.subscribe(Set.of(topics.executions(), topics.trades(), topics.depth()));
    }

    void awaitExecutions(int count) {
      await().atMost(Duration.ofSeconds(120)).until(() -> {
        poll(Duration.ofMillis(100));
        return count(topics.executions()) >= count;
      });
    }

    void drainBriefly() {
      for (int i = 0; i < 5; i++) {
        poll(Duration.ofMillis(200));
      }
    }

    <T extends SpecificRecord> List<T> sorted(String topic, Class<T> type, java.util.function.ToLongFunction<T> id) {
      var serde = castle.serde.AvroSerde.of(type);
      return records.stream().filter(r -> r.topic().equals(topic)).map(r -> serde.decode(r.value()))
          .sorted(Comparator.comparingLong(id)).toList();
    }

    private long count(String topic) {
      return records.stream().filter(r -> r.topic().equals(topic)).count();
    }

    private void poll(Duration timeout) {
      consumer.poll(timeout).forEach(records::add);
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
