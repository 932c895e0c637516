package castle.iq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castle.broker.SharedBroker;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of one Streams app in this JVM, each with its own HTTP endpoint, on the shared
 * broker: keys owned by the other instance are forwarded to it, and queries keep giving right answers
 * (or a clear "unavailable", never a wrong or empty one) while an instance leaves and comes back.
 */
class QueryRouterTest {

  private static final String TOPIC = "iq.values";
  private static final String STORE = "values";
  private static final String TOKEN = "test-token";
  private static final int KEYS = 40;
  private final ObjectMapper json = new ObjectMapper();

  record Value(String key, String value) {}

  record Count(long entries) {}

  /** The value stored under a key. */
  static final class ValueQuery implements StoreQuery<Value> {
    @Override public String name() { return "test.value"; }
    @Override public String application() { return "iq"; }
    @Override public String store() { return STORE; }
    @Override public Class<Value> resultType() { return Value.class; }

    @Override
    public Value run(KafkaStreams streams, String key, Map<String, String> params) {
      return new Value(key, valuesOf(streams).get(key));
    }
  }

  /** How many entries this instance holds. */
  static final class CountQuery implements StoreQuery<Count> {
    @Override public String name() { return "test.count"; }
    @Override public String application() { return "iq"; }
    @Override public String store() { return STORE; }
    @Override public Class<Count> resultType() { return Count.class; }

    @Override
    public Count run(KafkaStreams streams, String key, Map<String, String> params) {
      long entries = 0;
      try (KeyValueIterator<String, String> all = valuesOf(streams).all()) {
        while (all.hasNext()) {
          all.next();
          entries++;
        }
      }
      return new Count(entries);
    }
  }

  private static ReadOnlyKeyValueStore<String, String> valuesOf(KafkaStreams streams) {
    return streams.store(StoreQueryParameters.fromNameAndType(STORE, QueryableStoreTypes.keyValueStore()));
  }

  private static final QueryRegistry REGISTRY = new QueryRegistry(List.of(new ValueQuery(), new CountQuery()));

  /** One app instance with its router and HTTP endpoint. */
  private final class Instance implements AutoCloseable {
    final KafkaStreams streams;
    final QueryRouter router;
    final Javalin http;
    final HostInfo self;

    Instance(Path stateDir) throws Exception {
      int port = freePort();
      self = new HostInfo("127.0.0.1", port);
      StreamsBuilder builder = new StreamsBuilder();
      builder.table(TOPIC, Consumed.with(Serdes.String(), Serdes.String()),
          Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(STORE));
      Properties props = new Properties();
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, "iq-router-test");
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers());
      props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
      props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + port);
      props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
      props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 10_000);
      streams = new KafkaStreams(builder.build(), props);
      router = new QueryRouter(Map.of("iq", streams), self, TOKEN, json, Duration.ofSeconds(10));
      InternalQueryRoutes routes = new InternalQueryRoutes(REGISTRY, router, TOKEN, json);
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
  void answersKeysOwnedByTheOtherInstanceAndKeepsAnsweringAcrossRebalances(@TempDir Path dir) throws Exception {
    createAndFillTopic();
    try (Instance first = new Instance(dir.resolve("a"))) {
      Instance second = new Instance(dir.resolve("b"));
      await().atMost(Duration.ofSeconds(60)).until(() -> first.running() && second.running());
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertAllKeysAnswered(first.router));

      assertThat(ownersOfAllKeys(first)).as("keys are spread over both instances").contains(first.self, second.self);
      assertThat(first.router.fromAll(new CountQuery(), Map.of()).stream().mapToLong(Count::entries).sum())
          .isEqualTo(KEYS);

      AtomicBoolean querying = new AtomicBoolean(true);
      AtomicInteger answered = new AtomicInteger();
      ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
      Thread client = new Thread(() -> {
        int i = 0;
        while (querying.get()) {
          String key = "k" + (i++ % KEYS);
          try {
            Value value = first.router.byKey(new ValueQuery(), key, Map.of());
            if (!("v-" + key).equals(value.value())) {
              wrong.add(key + " -> " + value.value());
            }
            answered.incrementAndGet();
          } catch (StoreUnavailableException e) {
            // Allowed while state moves: the gateway turns it into a 503 and the client retries.
          }
        }
      });
      client.start();

      second.close();
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ownersOfAllKeys(first)).containsOnly(first.self));
      int afterLeaving = answered.get();
      try (Instance third = new Instance(dir.resolve("c"))) {
        await().atMost(Duration.ofSeconds(60)).until(() -> first.running() && third.running()
            && ownersOfAllKeys(first).contains(third.self));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(answered.get()).isGreaterThan(afterLeaving + KEYS));
        querying.set(false);
        client.join();
        assertAllKeysAnswered(third.router);
      }
      assertThat(wrong).as("answers that were wrong or empty").isEmpty();
    }
  }

  @Test
  void refusesCallersWithoutTheInternalToken(@TempDir Path dir) throws Exception {
    createAndFillTopic();
    try (Instance instance = new Instance(dir.resolve("x"))) {
      var response = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(
              "http://127.0.0.1:" + instance.self.port() + "/internal/iq/test.value?mode=route&key=k1")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(403);
    }
  }

  private void assertAllKeysAnswered(StoreQueries queries) {
    for (int i = 0; i < KEYS; i++) {
      assertThat(queries.byKey(new ValueQuery(), "k" + i, Map.of()).value()).isEqualTo("v-k" + i);
    }
  }

  private static List<HostInfo> ownersOfAllKeys(Instance instance) {
    return java.util.stream.IntStream.range(0, KEYS)
        .mapToObj(i -> instance.streams.queryMetadataForKey(STORE, "k" + i, new StringSerializer()).activeHost())
        .distinct()
        .toList();
  }

  private static void createAndFillTopic() throws Exception {
    Map<String, Object> kafka = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers());
    try (Admin admin = Admin.create(kafka)) {
      if (!admin.listTopics().names().get().contains(TOPIC)) {
        admin.createTopics(List.of(new NewTopic(TOPIC, 4, (short) 1))).all().get();
      }
    }
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < KEYS; i++) {
        producer.send(new ProducerRecord<>(TOPIC, "k" + i, "v-k" + i));
      }
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
