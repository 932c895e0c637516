package castle.mskconfig;

import java.util.Map;

/**
 * One topic as a profile wants it.
 *
 * @param name the topic name
 * @param partitions the partition count
 * @param replicationFactor replicas per partition
 * @param configs topic configs the spec manages (cleanup.policy, retention.ms, min.insync.replicas)
 * @param copartitionGroup the group of topics read together by one Streams task, or null; a grouped
 *     topic's partition count is fixed once created
 */
public record TopicSpec(
    String name,
    int partitions,
    short replicationFactor,
    Map<String, String> configs,
    String copartitionGroup) {

  /** Whether the partition count may be raised on an existing topic. */
  public boolean partitionsMayGrow() {
    return copartitionGroup == null;
  }
}
