package castle.mskconfig;

import castle.mskconfig.TopicChange.AddPartitions;
import castle.mskconfig.TopicChange.AlterConfigs;
import castle.mskconfig.TopicChange.Create;
import castle.mskconfig.TopicChange.Drift;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the specs with what a cluster has and lists the changes that would align them. It is pure,
 * so every rule is unit-tested without a cluster: missing topics are created, partitions are raised
 * only where the spec allows it, managed configs are aligned, and everything else that differs is
 * reported as drift. Nothing is ever deleted or shrunk.
 */
public final class TopicPlanner {

  private TopicPlanner() {}

  /** The changes that take the cluster from {@code existing} to {@code specs}. */
  public static List<TopicChange> plan(List<TopicSpec> specs, Map<String, ExistingTopic> existing) {
    List<TopicChange> changes = new ArrayList<>();
    for (TopicSpec spec : specs) {
      ExistingTopic actual = existing.get(spec.name());
      if (actual == null) {
        changes.add(new Create(spec));
        continue;
      }
      planPartitions(spec, actual, changes);
      if (actual.replicationFactor() != spec.replicationFactor()) {
        changes.add(
            new Drift(
                spec.name(),
                "replication factor is "
                    + actual.replicationFactor()
                    + ", spec says "
                    + spec.replicationFactor()
                    + "; changing it needs a partition reassignment (kafka-reassign-partitions)"));
      }
      planConfigs(spec, actual, changes);
    }
    return changes;
  }

  private static void planPartitions(TopicSpec spec, ExistingTopic actual, List<TopicChange> changes) {
    if (actual.partitions() == spec.partitions()) {
      return;
    }
    if (actual.partitions() > spec.partitions()) {
      changes.add(
          new Drift(
              spec.name(),
              "has " + actual.partitions() + " partitions, spec says " + spec.partitions()
                  + "; Kafka cannot remove partitions"));
    } else if (!spec.partitionsMayGrow()) {
      changes.add(
          new Drift(
              spec.name(),
              "has " + actual.partitions() + " partitions, spec says " + spec.partitions()
                  + "; it is co-partitioned (group " + spec.copartitionGroup()
                  + ") and more partitions would move keys away from their state: migrate to new topics instead"));
    } else {
      changes.add(new AddPartitions(spec.name(), actual.partitions(), spec.partitions()));
    }
  }

  private static void planConfigs(TopicSpec spec, ExistingTopic actual, List<TopicChange> changes) {
    Map<String, String> from = new TreeMap<>();
    Map<String, String> to = new TreeMap<>();
    spec.configs().forEach((key, wanted) -> {
      String current = actual.configs().get(key);
      if (!wanted.equals(current)) {
        from.put(key, current);
        to.put(key, wanted);
      }
    });
    if (!to.isEmpty()) {
      changes.add(new AlterConfigs(spec.name(), from, to));
    }
  }
}
