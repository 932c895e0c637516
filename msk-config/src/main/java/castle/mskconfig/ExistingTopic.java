package castle.mskconfig;

import java.util.Map;

/**
 * A topic as the cluster has it.
 *
 * @param name the topic name
 * @param partitions its partition count
 * @param replicationFactor replicas of its first partition
 * @param configs its effective configs
 */
public record ExistingTopic(String name, int partitions, short replicationFactor, Map<String, String> configs) {}
