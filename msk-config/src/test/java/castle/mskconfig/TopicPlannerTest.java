package castle.mskconfig;

import static org.assertj.core.api.Assertions.assertThat;

import castle.mskconfig.TopicChange.AddPartitions;
import castle.mskconfig.TopicChange.AlterConfigs;
import castle.mskconfig.TopicChange.Create;
import castle.mskconfig.TopicChange.Drift;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicPlannerTest {

  private static final Map<String, String> CONFIGS =
      Map.of("cleanup.policy", "delete", "retention.ms", "604800000", "min.insync.replicas", "2");

  private static TopicSpec spec(String name, int partitions, String group) {
    return new TopicSpec(name, partitions, (short) 3, CONFIGS, group);
  }

  @Test
  void createsAMissingTopic() {
    TopicSpec spec = spec("orders.commands", 24, "account");

    List<TopicChange> plan = TopicPlanner.plan(List.of(spec), Map.of());

    assertThat(plan).containsExactly(new Create(spec));
  }

  @Test
  void anAlignedTopicNeedsNothing() {
    TopicSpec spec = spec("orders.commands", 24, "account");
    var existing = new ExistingTopic("orders.commands", 24, (short) 3, Map.of(
        "cleanup.policy", "delete", "retention.ms", "604800000", "min.insync.replicas", "2",
        "segment.bytes", "1073741824"));

    assertThat(TopicPlanner.plan(List.of(spec), Map.of(spec.name(), existing))).isEmpty();
  }

  @Test
  void raisesPartitionsOfATopicThatMayGrow() {
    TopicSpec spec = spec("notifications", 12, null);
    var existing = new ExistingTopic("notifications", 6, (short) 3, CONFIGS);

    assertThat(TopicPlanner.plan(List.of(spec), Map.of(spec.name(), existing)))
        .containsExactly(new AddPartitions("notifications", 6, 12));
  }

  @Test
  void refusesToRaisePartitionsOfACopartitionedTopic() {
    TopicSpec spec = spec("orders.commands", 24, "account");
    var existing = new ExistingTopic("orders.commands", 12, (short) 3, CONFIGS);

    List<TopicChange> plan = TopicPlanner.plan(List.of(spec), Map.of(spec.name(), existing));

    assertThat(plan).singleElement().isInstanceOfSatisfying(Drift.class, drift -> {
      assertThat(drift.reason()).contains("co-partitioned").contains("account");
      assertThat(drift.applies()).isFalse();
    });
  }

  @Test
  void reportsMorePartitionsThanTheSpecAsDrift() {
    TopicSpec spec = spec("notifications", 6, null);
    var existing = new ExistingTopic("notifications", 12, (short) 3, CONFIGS);

    assertThat(TopicPlanner.plan(List.of(spec), Map.of(spec.name(), existing)))
        .singleElement()
        .isInstanceOfSatisfying(Drift.class, d -> assertThat(d.reason()).contains("cannot remove"));
  }

  @Test
  void alignsOnlyTheConfigsThatDrifted() {
    TopicSpec spec = spec("market.trades", 12, "symbol");
    var existing = new ExistingTopic("market.trades", 12, (short) 3, Map.of(
        "cleanup.policy", "delete", "retention.ms", "86400000", "min.insync.replicas", "1"));

    assertThat(TopicPlanner.plan(List.of(spec), Map.of(spec.name(), existing)))
        .containsExactly(new AlterConfigs(
            "market.trades",
            Map.of("min.insync.replicas", "1", "retention.ms", "86400000"),
            Map.of("min.insync.replicas", "2", "retention.ms", "604800000")));
  }

  @Test
  void refusesAReplicationFactorChange() {
    TopicSpec spec = spec("symbols", 12, "symbol");
    var existing = new ExistingTopic("symbols", 12, (short) 1, CONFIGS);

    assertThat(TopicPlanner.plan(List.of(spec), Map.of(spec.name(), existing)))
        .singleElement()
        .isInstanceOfSatisfying(Drift.class, d -> assertThat(d.reason()).contains("replication factor is 1"));
  }
}
