package castle.mskconfig;

import java.util.Map;

/** One step of a topic plan: something to do, or a difference the planner will not fix. */
public sealed interface TopicChange {

  /** The topic the change is about. */
  String topic();

  /** Whether applying the plan carries it out (drift is only reported). */
  default boolean applies() {
    return !(this instanceof Drift);
  }

  /** Create a missing topic. */
  record Create(TopicSpec spec) implements TopicChange {
    @Override
    public String topic() {
      return spec.name();
    }

    @Override
    public String toString() {
      return "create " + spec.name() + " (" + spec.partitions() + " partitions, replication "
          + spec.replicationFactor() + ", " + spec.configs() + ")";
    }
  }

  /** Raise a topic's partition count. */
  record AddPartitions(String topic, int from, int to) implements TopicChange {
    @Override
    public String toString() {
      return "raise partitions of " + topic + " from " + from + " to " + to;
    }
  }

  /** Set configs to the spec's values; each entry maps a key to its old and new value. */
  record AlterConfigs(String topic, Map<String, String> from, Map<String, String> to) implements TopicChange {
    @Override
    public String toString() {
      return "align configs of " + topic + ": " + from + " -> " + to;
    }
  }

  /** A difference left for an operator, with the reason it is not fixed automatically. */
  record Drift(String topic, String reason) implements TopicChange {
    @Override
    public String toString() {
      return "DRIFT " + topic + ": " + reason;
    }
  }
}
