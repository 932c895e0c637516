package castle.sinks.kit;

import castle.broker.SharedBroker;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/** Waits until a sink connector has committed offsets at the end of its topics: it has written everything. */
public final class ConnectorProgress {

  private ConnectorProgress() {}

  /** Blocks until connector {@code name}'s consumer group has committed the end of every partition of {@code topics}. */
  public static void awaitCaughtUp(String name, Collection<String> topics, Duration timeout) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedBroker.bootstrapServers()))) {
      Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> caughtUp(admin, name, topics));
    }
  }

  private static boolean caughtUp(Admin admin, String name, Collection<String> topics) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values().stream()
        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets("connect-" + name).partitionsToOffsetAndMetadata().get();
    return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
        || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue()));
  }
}
