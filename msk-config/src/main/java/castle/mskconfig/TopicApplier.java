package castle.mskconfig;

import castle.mskconfig.TopicChange.AddPartitions;
import castle.mskconfig.TopicChange.AlterConfigs;
import castle.mskconfig.TopicChange.Create;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/** Reads a cluster's topics through the Admin API, plans against the specs and carries out the plan. */
public final class TopicApplier {

  private final Admin admin;

  /** An applier working through the given admin client. */
  public TopicApplier(Admin admin) {
    this.admin = admin;
  }

  /** The changes that would align the cluster with the specs. */
  public List<TopicChange> plan(List<TopicSpec> specs) throws ExecutionException, InterruptedException {
    return TopicPlanner.plan(specs, describe(specs.stream().map(TopicSpec::name).toList()));
  }

  /** Plans and applies every change that applies; returns the whole plan, drift included. */
  public List<TopicChange> apply(List<TopicSpec> specs) throws ExecutionException, InterruptedException {
    List<TopicChange> plan = plan(specs);
    List<NewTopic> creates = new ArrayList<>();
    Map<String, NewPartitions> partitions = new HashMap<>();
    Map<ConfigResource, Collection<AlterConfigOp>> configs = new HashMap<>();
    for (TopicChange change : plan) {
      if (change instanceof Create create) {
        TopicSpec spec = create.spec();
        creates.add(new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor()).configs(spec.configs()));
      } else if (change instanceof AddPartitions add) {
        partitions.put(add.topic(), NewPartitions.increaseTo(add.to()));
      } else if (change instanceof AlterConfigs alter) {
        configs.put(
            new ConfigResource(ConfigResource.Type.TOPIC, alter.topic()),
            alter.to().entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList());
      }
    }
    createAll(creates);
    if (!partitions.isEmpty()) {
      admin.createPartitions(partitions).all().get();
    }
    if (!configs.isEmpty()) {
      admin.incrementalAlterConfigs(configs).all().get();
    }
    return plan;
  }

  private void createAll(List<NewTopic> creates) throws ExecutionException, InterruptedException {
    if (creates.isEmpty()) {
      return;
    }
    try {
      admin.createTopics(creates).all().get();
    } catch (ExecutionException e) {
      // Another applier may have created the same topic a moment ago; the next run aligns it.
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private Map<String, ExistingTopic> describe(List<String> names) throws ExecutionException, InterruptedException {
    Set<String> present = admin.listTopics().names().get();
    List<String> wanted = names.stream().filter(present::contains).toList();
    if (wanted.isEmpty()) {
      return Map.of();
    }
    Map<String, TopicDescription> descriptions = admin.describeTopics(wanted).allTopicNames().get();
    List<ConfigResource> resources =
        wanted.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
    var configs = admin.describeConfigs(resources).all().get();
    Map<String, ExistingTopic> existing = new HashMap<>();
    for (String name : wanted) {
      TopicDescription description = descriptions.get(name);
      Map<String, String> values =
          configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)).entries().stream()
              .filter(entry -> entry.value() != null)
              .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
      existing.put(
          name,
          new ExistingTopic(
              name,
              description.partitions().size(),
              (short) description.partitions().get(0).replicas().size(),
              values));
    }
    return existing;
  }
}
