package castle.app.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import castle.app.Resources;
import castle.schema.alerts.NotificationKind;
import castle.schema.orders.CancelAllOrders;
import castle.schema.orders.OrderCommand;
import castle.schema.orders.OrderType;
import castle.schema.orders.PlaceOrder;
import castle.schema.orders.Side;
import castle.schema.orders.TimeInForce;
import castle.topics.Topic;
import castle.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local role end to end: topics, readiness, metrics, the data lock, stopping within the 10 s that
 * Ctrl-C allows, a restart that keeps the data, and every Streams app running, down to the
 * notifications of an order's outcome.
 */
class LocalCastleTest {

  /** A command the Streams apps can read (they stop on anything else), acknowledged before a restart. */
  private static final OrderCommand ACKNOWLEDGED =
      new OrderCommand(7L, 42L, "BTCUSDT", new CancelAllOrders("acknowledged-before-restart"));

  /** How long SIGTERM or Ctrl-C may take to stop {@code castle local}, as the role promises. */
  private static final Duration STOP_BOUND = Duration.ofSeconds(10);

  private static final Pattern CLIENT_ID = Pattern.compile("client_id=\"([^\"]*)\"");

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void stopsInTimeAndARestartOnTheSameDataKeepsTopicsAndRecords(@TempDir Path dir) throws Exception {
    LocalCastle.Settings settings = new LocalCastle.Settings(dir.resolve("data"), "127.0.0.1", 0, 0);
    Duration stopping;
    LocalCastle first = LocalCastle.start(settings, new Resources());
    try {
      assertThat(ready(first)).isEqualTo(200);
      assertThat(status(first, "/api/v3/exchangeInfo")).isEqualTo(200);
      String metrics = body(first, "/metrics");
      // Streams' own clients share these metric names, so the gateway's clients are told apart by id.
      assertThat(clientIds(metrics, "kafka_producer_"))
          .contains("castle-gateway-commands", "castle-gateway-alerts")
          .anyMatch(id -> id.startsWith("castle-gateway-native-"));
      Set<String> consumers = clientIds(metrics, "kafka_consumer_");
      assertThat(consumers).contains("castle-gateway-outcomes", "castle-gateway-market-feed", "castle-gateway-user-feed");
      for (String table : List.of("users.events", "wallet.outcomes", "users.apikeys")) {
        assertThat(consumers).anyMatch(id -> id.startsWith("castle-gateway-" + table + "-"));
      }
      // Both APIs keep a symbols table; each reader reports under its own id.
      assertThat(consumers.stream().filter(id -> id.startsWith("castle-gateway-symbols-"))).hasSizeGreaterThanOrEqualTo(2);
      assertThat(metrics.lines()).anyMatch(line -> line.startsWith("kafka_stream_"));
      assertThat(topicNames(first)).containsAll(Topics.all().stream().map(Topic::name).toList());
      produce(first, Topics.ORDER_COMMANDS, ACKNOWLEDGED);

      assertThatThrownBy(() -> LocalCastle.start(settings, new Resources()))
          .isInstanceOf(DataDirectoryLock.AlreadyLockedException.class)
          .hasMessageContaining("Another castle is already running on");

      // Stop with everything running, the sinks' Connect worker and PostgreSQL included, as Ctrl-C would.
      first.sinks().awaitStarted();
      assertThat(first.sinks().problem()).isEmpty();
    } finally {
      long begin = System.nanoTime();
      first.close();
      stopping = Duration.ofNanos(System.nanoTime() - begin);
    }
    assertThat(stopping).isLessThan(STOP_BOUND);

    try (LocalCastle second = LocalCastle.start(settings, new Resources())) {
      assertThat(ready(second)).isEqualTo(200);
      assertThat(consumeAll(second, Topics.ORDER_COMMANDS)).containsExactly(ACKNOWLEDGED);
    }
  }

  @Test
  void anOrderAccountsRefusesReachesItsOwnerAsAnOrderUpdate(@TempDir Path dir) throws Exception {
    try (LocalCastle castle = LocalCastle.start(new LocalCastle.Settings(dir.resolve("data"), "127.0.0.1", 0, 0),
        new Resources())) {
      // Given a running castle
      assertThat(ready(castle)).isEqualTo(200);

      // When an account nobody registered places an order
      PlaceOrder order = new PlaceOrder(9L, "c9", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 3_000_000_000_000L,
          100_000_000L, 0L, 0L, null);
      produce(castle, Topics.ORDER_COMMANDS, new OrderCommand(8L, 42L, "BTCUSDT", order));

      // Then accounts' rejection reaches the notifications topic, committed, for that account
      assertThat(consumeAll(castle, Topics.NOTIFICATIONS)).singleElement().satisfies(notification -> {
        assertThat(notification.getNotificationId()).isEqualTo("cmd-8-rejected");
        assertThat(notification.getAccountId()).isEqualTo(42L);
        assertThat(notification.getKind()).isEqualTo(NotificationKind.ORDER_UPDATE);
        assertThat(notification.getMessage())
            .isEqualTo("Your BUY LIMIT order 9 was rejected: This action is disabled on this account.");
      });
    }
  }

  private int status(LocalCastle castle, String path) throws Exception {
    return get(castle, path).statusCode();
  }

  private String body(LocalCastle castle, String path) throws Exception {
    return get(castle, path).body();
  }

  private HttpResponse<String> get(LocalCastle castle, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + castle.gatewayPort() + path)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The client ids of the Prometheus series whose names start with {@code prefix}. */
  private static Set<String> clientIds(String metrics, String prefix) {
    return metrics.lines()
        .filter(line -> line.startsWith(prefix))
        .map(CLIENT_ID::matcher)
        .filter(Matcher::find)
        .map(match -> match.group(1))
        .collect(Collectors.toSet());
  }

  /** The readiness status once it is 200, or the last one after 60 s: Streams apps take a moment to run. */
  private int ready(LocalCastle castle) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    int status = status(castle, "/health/ready");
    while (status != 200 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      status = status(castle, "/health/ready");
    }
    return status;
  }

  private static Set<String> topicNames(LocalCastle castle) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, castle.broker().bootstrapServers()))) {
      return admin.listTopics().names().get();
    }
  }

  private static <V extends SpecificRecord> void produce(LocalCastle castle, Topic<V> topic, V value) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, castle.broker().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic.name(), "42".getBytes(), topic.valueSerde().encode(value))).get();
    }
  }

  private static <V extends SpecificRecord> List<V> consumeAll(LocalCastle castle, Topic<V> topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, castle.broker().bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(Set.of(topic.name()));
      List<V> values = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(topic.valueSerde().decode(record.value()));
        }
      }
      return values;
    }
  }
}
