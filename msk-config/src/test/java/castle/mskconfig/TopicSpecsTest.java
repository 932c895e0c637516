package castle.mskconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import castle.topics.Topic;
import castle.topics.Topics;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TopicSpecsTest {

  @ParameterizedTest
  @ValueSource(strings = {"local", "msk"})
  void everyTopicInTheRegistryHasASpec(String profile) {
    List<String> specified = TopicSpecs.load(profile).stream().map(TopicSpec::name).toList();

    assertThat(specified).containsAll(Topics.all().stream().map(Topic::name).toList());
  }

  @Test
  void theMskProfileIsDurable() {
    for (TopicSpec spec : TopicSpecs.load("msk")) {
      assertThat(spec.replicationFactor()).isEqualTo((short) 3);
      assertThat(spec.configs()).containsEntry("min.insync.replicas", "2");
    }
  }

  @Test
  void resolvesRetentionAndCleanup() {
    TopicSpec symbols =
        TopicSpecs.load("local").stream().filter(s -> s.name().equals("symbols")).findFirst().orElseThrow();

    assertThat(symbols.configs())
        .containsEntry("cleanup.policy", "compact")
        .containsEntry("retention.ms", "-1")
        .containsEntry("min.insync.replicas", "1");
    assertThat(symbols.partitionsMayGrow()).isFalse();
    assertThat(TopicSpecs.retentionMs("7d")).isEqualTo(604_800_000L);
    assertThat(TopicSpecs.retentionMs("30m")).isEqualTo(1_800_000L);
  }

  @Test
  void refusesUnequalCountsInACopartitionGroup() {
    String yaml = """
        profiles: {local: {replicationFactor: 1, minInsyncReplicas: 1}}
        topics:
          a: {copartition: g, partitions: {local: 4}, cleanupPolicy: delete, retention: 1d}
          b: {copartition: g, partitions: {local: 2}, cleanupPolicy: delete, retention: 1d}
        """;

    assertThatThrownBy(() -> TopicSpecs.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "local"))
        .hasMessageContaining("must have equal partition counts");
  }

  @Test
  void refusesAnUnknownProfile() {
    assertThatThrownBy(() -> TopicSpecs.load("staging")).hasMessageContaining("Unknown profile 'staging'");
  }
}
