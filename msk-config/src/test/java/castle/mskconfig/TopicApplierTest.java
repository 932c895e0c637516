package castle.mskconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castle.broker.SharedBroker;
import castle.mskconfig.TopicChange.Create;
import castle.mskconfig.TopicChange.Drift;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** Applies specs to the shared embedded broker through the real Admin API. */
class TopicApplierTest {

  private static Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()));
  }

  private static final Map<String, String> CONFIGS =
      Map.of("cleanup.policy", "delete", "retention.ms", "3600000", "min.insync.replicas", "1");

  @Test
  void applyingTwiceChangesNothingTheSecondTime() throws Exception {
    List<TopicSpec> specs = List.of(
        new TopicSpec("applier.a", 3, (short) 1, CONFIGS, "g"),
        new TopicSpec("applier.b", 3, (short) 1, CONFIGS, "g"));
    try (Admin admin = admin()) {
      TopicApplier applier = new TopicApplier(admin);

      assertThat(applier.apply(specs)).hasSize(2).allMatch(c -> c instanceof Create);
      assertThat(applier.apply(specs)).isEmpty();
      assertThat(admin.describeTopics(List.of("applier.a")).allTopicNames().get().get("applier.a").partitions())
          .hasSize(3);
    }
  }

  @Test
  void raisesPartitionsAlignsConfigsAndReportsDrift() throws Exception {
    try (Admin admin = admin()) {
      admin.createTopics(List.of(
          new NewTopic("applier.grow", 1, (short) 1).configs(Map.of("retention.ms", "60000")),
          new NewTopic("applier.fixed", 1, (short) 1))).all().get();
      // A topic created a moment ago may not be in the metadata every request sees yet.
      await().atMost(Duration.ofSeconds(10)).until(() ->
          admin.listTopics().names().get().containsAll(List.of("applier.grow", "applier.fixed")));
      List<TopicSpec> specs = List.of(
          new TopicSpec("applier.grow", 4, (short) 1, CONFIGS, null),
          new TopicSpec("applier.fixed", 4, (short) 1, CONFIGS, "accounts"));

      List<TopicChange> plan = new TopicApplier(admin).apply(specs);

      assertThat(plan).filteredOn(c -> c instanceof Drift).singleElement()
          .satisfies(d -> assertThat(d.topic()).isEqualTo("applier.fixed"));
      assertThat(admin.describeTopics(List.of("applier.grow")).allTopicNames().get().get("applier.grow").partitions())
          .hasSize(4);
      // Config changes reach describeConfigs through the metadata log a moment after the alter returns.
      var resource = new ConfigResource(ConfigResource.Type.TOPIC, "applier.grow");
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("retention.ms").value())
              .isEqualTo("3600000"));
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(new TopicApplier(admin).plan(specs)).singleElement().isInstanceOf(Drift.class));
    }
  }
}
