package castle.gateway.binance;

import castle.broker.SharedBroker;
import castle.schema.orders.OrderCommand;
import castle.schema.reference.SymbolConfig;
import castle.schema.users.ApiKeyRecord;
import castle.topics.Topic;
import castle.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The gateway's topics on the shared broker behind a prefix of their own, so test classes never see
 * each other's records, with helpers to publish reference data and read what the gateway wrote.
 */
final class TestTopics {

  final String prefix;

  private TestTopics(String prefix) {
    this.prefix = prefix;
  }

  /** Creates the gateway's topics under a fresh prefix. */
  static TestTopics create(String name) throws Exception {
    TestTopics topics = new TestTopics(name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    try (Admin admin = Admin.create(kafka())) {
      admin.createTopics(List.of(
          new NewTopic(topics.name(Topics.ORDER_COMMANDS), 4, (short) 1),
          new NewTopic(topics.name(Topics.ORDER_EXECUTIONS), 4, (short) 1),
          compacted(topics.name(Topics.SYMBOLS), 2))).all().get();
      createApiKeysTopic(admin);
    }
    return topics;
  }

  /**
   * The native API's key directory reads the standard users.apikeys topic, which every gateway test
   * of this JVM shares: each test class publishes keys of its own, so they never clash.
   */
  private static void createApiKeysTopic(Admin admin) throws Exception {
    try {
      admin.createTopics(List.of(compacted(Topics.API_KEYS.name(), 2))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  /** Every Castle topic under a fresh prefix, 4 partitions each, for a whole pipeline. */
  static TestTopics createAll(String name) throws Exception {
    TestTopics topics = new TestTopics(name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    try (Admin admin = Admin.create(kafka())) {
      admin.createTopics(Topics.all().stream()
          .map(topic -> topic == Topics.SYMBOLS ? compacted(topics.name(topic), 4) : new NewTopic(topics.name(topic), 4, (short) 1))
          .toList()).all().get();
      createApiKeysTopic(admin);
    }
    return topics;
  }

  /** Publishes a record on this test's copy of a topic. */
  <V extends SpecificRecord> void publish(Topic<V> topic, String key, V value) throws Exception {
    produce(topic, key, value);
  }

  /** Client properties for the shared broker. */
  static Map<String, Object> kafka() {
    Map<String, Object> props = new HashMap<>();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers());
    return props;
  }

  /** This test's name of a topic. */
  String name(Topic<?> topic) {
    return prefix + topic.name();
  }

  /** Publishes a market's configuration. */
  void publish(SymbolConfig symbol) throws Exception {
    produce(Topics.SYMBOLS, symbol.getSymbol(), symbol);
  }

  /** Publishes an API key record on the shared users.apikeys topic. */
  void publish(ApiKeyRecord key) throws Exception {
    try (KafkaProducer<String, ApiKeyRecord> producer =
        new KafkaProducer<>(kafka(), new StringSerializer(), Topics.API_KEYS.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.API_KEYS.name(), key.getApiKey(), key)).get();
    }
  }

  /** Every command on this test's orders.commands, by partition then offset. */
  List<ConsumerRecord<String, OrderCommand>> commands() {
    Map<String, Object> props = kafka();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, OrderCommand> consumer = new KafkaConsumer<>(
        props, new StringDeserializer(), Topics.ORDER_COMMANDS.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(name(Topics.ORDER_COMMANDS)).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, OrderCommand>> records = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  /**
   * The end offset of every topic under this test's prefix, summed over its partitions: a request
   * that leaves them all unchanged wrote nothing (transaction markers would move them too).
   */
  Map<String, Long> endOffsets() throws Exception {
    try (Admin admin = Admin.create(kafka())) {
      List<String> mine = admin.listTopics().names().get().stream().filter(name -> name.startsWith(prefix)).toList();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin.describeTopics(mine).allTopicNames().get().forEach((name, description) -> description.partitions()
          .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
      Map<String, Long> ends = new TreeMap<>();
      admin.listOffsets(latest).all().get().forEach((partition, info) ->
          ends.merge(partition.topic(), info.offset(), Long::sum));
      return ends;
    }
  }

  private <V extends SpecificRecord> void produce(Topic<V> topic, String key, V value) throws Exception {
    try (KafkaProducer<String, V> producer =
        new KafkaProducer<>(kafka(), new StringSerializer(), topic.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(name(topic), key, value)).get();
    }
  }

  private static NewTopic compacted(String name, int partitions) {
    return new NewTopic(name, partitions, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact"));
  }
}
