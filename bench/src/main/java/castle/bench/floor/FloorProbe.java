package castle.bench.floor;

import castle.bench.load.LoadGenerator;
import castle.bench.load.OpenLoopSchedule;
import castle.bench.stats.ChannelResult;
import castle.bench.stats.LatencyChannel;
import castle.bench.stats.TimelinePoint;
import castle.topology.StreamsEnvironment;
import castle.topology.floor.PassThroughApp;
import castle.topology.runtime.StreamsRuntime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Measures the latency floor: records produced at the bench's rate into one exactly-once Streams hop
 * ({@link PassThroughApp}, with Castle's settings) and read back with read_committed, timed from each
 * record's intended send. It is what any Castle stage costs before Castle does any work, so the
 * report can state Castle's latency as a multiple of it.
 */
public final class FloorProbe {

  private static final String INPUT = "bench.floor.in";
  private static final String OUTPUT = "bench.floor.out";

  private final Map<String, Object> kafka;
  private final Path stateDir;
  private final int partitions;

  /** A probe against the cluster in {@code kafka}, keeping the hop's state under {@code stateDir}. */
  public FloorProbe(Map<String, Object> kafka, Path stateDir, int partitions) {
    this.kafka = kafka;
    this.stateDir = stateDir;
    this.partitions = partitions;
  }

  /** Runs the hop at {@code rate} records/s for {@code duration} and returns the floor's latencies. */
  public ChannelResult run(double rate, Duration duration) throws Exception {
    createTopics();
    LatencyChannel channel = new LatencyChannel("floor");
    List<TimelinePoint> timeline = new ArrayList<>();
    try (StreamsRuntime hop = StreamsRuntime.start(
            List.of(new PassThroughApp(INPUT, OUTPUT)),
            StreamsEnvironment.local(kafka, stateDir, null),
            new SimpleMeterRegistry(),
            Duration.ofSeconds(5));
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
      if (!hop.awaitRunning(Duration.ofSeconds(60))) {
        throw new IllegalStateException("The floor hop did not start: " + hop.problem("floor").orElse("?"));
      }
      consumer.subscribe(Set.of(OUTPUT));
      while (consumer.assignment().isEmpty()) {
        consumer.poll(Duration.ofMillis(100));
      }
      consumer.seekToEnd(consumer.assignment());
      consumer.assignment().forEach(consumer::position);

      OpenLoopSchedule schedule = new OpenLoopSchedule(System.nanoTime() + 100_000_000L, rate);
      LongAdder received = new LongAdder();
      AtomicBoolean producing = new AtomicBoolean(true);
      Thread reader = new Thread(() -> read(consumer, schedule, channel, received, producing), "floor-reader");
      reader.start();
      LoadGenerator generator = new LoadGenerator(schedule, 10_000, duration, Duration.ofSeconds(10));
      LoadGenerator.Result sent = generator.run((index, intended) -> {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        byte[] value = ByteBuffer.allocate(Long.BYTES).putLong(index).array();
        producer.send(new ProducerRecord<>(INPUT, Long.toString(index), value), (metadata, error) -> acked.complete(null));
        return acked;
      });
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (received.sum() < sent.sent() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      producing.set(false);
      reader.join();
      timeline.add(TimelinePoint.of(0, channel.nextInterval()));
    }
    return new ChannelResult("floor", "one exactly-once pass-through hop, produce to read_committed consume", channel.total(), timeline);
  }

  private static void read(
      KafkaConsumer<String, byte[]> consumer, OpenLoopSchedule schedule, LatencyChannel channel, LongAdder received,
      AtomicBoolean running) {
    while (running.get()) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
        long index = ByteBuffer.wrap(record.value()).getLong();
        channel.record(schedule.intendedStart(index), System.nanoTime());
        received.increment();
      }
    }
  }

  private void createTopics() throws Exception {
    try (Admin admin = Admin.create(kafka)) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : List.of(INPUT, OUTPUT)) {
        if (!existing.contains(topic)) {
          missing.add(new NewTopic(topic, partitions, (short) 1));
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
      }
    }
  }

  private Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>(kafka);
    // The same producer settings as the gateway's order producer: durable and idempotent.
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    return config;
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "castle-bench-floor-" + System.nanoTime());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
    return config;
  }
}
