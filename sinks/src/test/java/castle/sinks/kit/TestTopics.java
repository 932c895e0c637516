package castle.sinks.kit;

import castle.broker.SharedBroker;
import castle.sinks.convert.CastleRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Topics of a test on the shared broker: unique names, producing Castle records and raw bytes, reading back. */
public final class TestTopics {

  private TestTopics() {}

  /** A unique name ending in {@code base}, so tests never share a topic. */
  public static String unique(String base) {
    return "t" + UUID.randomUUID().toString().substring(0, 8) + "." + base;
  }

  /** Creates topics with the given partition count, tolerating ones that exist. */
  public static void create(int partitions, String... names) {
    try (Admin admin = admin()) {
      admin.createTopics(Arrays.stream(names).map(n -> new NewTopic(n, partitions, (short) 1)).toList()).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Produces Castle records, keyed, in order, and waits until the broker has them. */
  public static void produce(String topic, List<? extends Map.Entry<String, ? extends SpecificRecord>> records) {
    List<Map.Entry<String, byte[]>> raw = new ArrayList<>();
    records.forEach(r -> raw.add(Map.entry(r.getKey(), CastleRecords.encode(r.getValue()))));
    produceRaw(topic, raw);
  }

  /** Produces raw values, such as bytes that are no Castle record at all. */
  public static void produceRaw(String topic, List<Map.Entry<String, byte[]>> records) {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
      for (Map.Entry<String, byte[]> record : records) {
        producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue()));
      }
      producer.flush();
    }
  }

  /** Waits until {@code topic} holds at least {@code count} records and returns them all. */
  public static List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, int count, Duration timeout) {
    List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      Awaitility.await().atMost(timeout).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.size() >= count;
      });
    }
    return seen;
  }

  /** How many records {@code topic} holds (its end offsets added up); 0 when it does not exist. */
  public static long count(String topic) {
    try (Admin admin = admin()) {
      if (!admin.listTopics().names().get().contains(topic)) {
        return 0;
      }
      Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
          .partitions().stream().collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", SharedBroker.bootstrapServers()));
  }
}
