package castle.bench.stages;

import castle.bench.report.BenchRun.StageLatency;
import castle.topics.Topics;
import castle.topology.StageStamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where an order's time goes, read from the wall-clock stamps each stage puts in record headers:
 * gateway receipt, accounts processing, matching processing, and this probe reading the committed
 * execution. Each command is counted once (by its gateway stamp), however many executions it caused.
 * Values are never decoded, so the probe stays cheap.
 */
public final class StageProbe implements AutoCloseable {

  private static final long MAX_MICROS = Duration.ofMinutes(10).toNanos() / 1_000;

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread reader;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Map<String, Histogram> stages = new LinkedHashMap<>();
  private final Map<Long, Boolean> seen = new LinkedHashMap<>(16_384, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
      return size() > 100_000;
    }
  };

  /** Starts reading committed executions from their current end. */
  public StageProbe(Map<String, Object> kafka) {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
    consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    consumer.partitionsFor(Topics.ORDER_EXECUTIONS.name())
        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    for (String stage : List.of("gateway -> accounts", "accounts -> matching", "matching -> committed and read", "gateway -> committed and read")) {
      stages.put(stage, new Histogram(1, MAX_MICROS, 3));
    }
    reader = new Thread(this::read, "bench-stage-probe");
    reader.start();
  }

  private void read() {
    while (running.get()) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long gateway = StageStamp.read(record.headers(), StageStamp.GATEWAY);
        long accounts = StageStamp.read(record.headers(), StageStamp.ACCOUNTS);
        long matching = StageStamp.read(record.headers(), StageStamp.MATCHING);
        if (gateway < 0 || accounts < 0 || matching < 0) {
          continue;
        }
        synchronized (this) {
          if (seen.put(gateway, Boolean.TRUE) != null) {
            continue;
          }
          add("gateway -> accounts", accounts - gateway);
          add("accounts -> matching", matching - accounts);
          add("matching -> committed and read", now - matching);
          add("gateway -> committed and read", now - gateway);
        }
      }
    }
  }

  private void add(String stage, long micros) {
    stages.get(stage).recordValue(Math.max(1, Math.min(micros, MAX_MICROS)));
  }

  /** Each stage's median and 99th percentile so far, in milliseconds; empty stages are left out. */
  public synchronized List<StageLatency> stages() {
    List<StageLatency> result = new ArrayList<>();
    stages.forEach((stage, histogram) -> {
      if (histogram.getTotalCount() > 0) {
        result.add(new StageLatency(stage, histogram.getValueAtPercentile(50) / 1000.0,
            histogram.getValueAtPercentile(99) / 1000.0));
      }
    });
    return result;
  }

  /** Forgets what was measured, to start a new measurement window. */
  public synchronized void reset() {
    stages.values().forEach(Histogram::reset);
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    reader.join();
    consumer.close();
  }
}
