package castle.app.topics;

import castle.app.kafka.KafkaOptions;
import castle.mskconfig.TopicApplier;
import castle.mskconfig.TopicChange;
import castle.mskconfig.TopicSpec;
import castle.mskconfig.TopicSpecs;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code castle topics}: applies the topic specs to a cluster, idempotently, and never deletes. */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = {
      "Apply the topic specs to a Kafka cluster: create missing topics, raise partitions where allowed,",
      "align configs, and report drift it will not fix. Never deletes. Exit code 3 when drift remains."
    })
public final class TopicsRole implements Callable<Integer> {

  /** Exit code when the cluster differs from the specs in ways this command will not fix. */
  public static final int DRIFT = 3;

  @Mixin KafkaOptions kafka;

  @Option(
      names = "--profile",
      defaultValue = "local",
      description = "Topic profile from the specs: local or msk. Default: ${DEFAULT-VALUE}.")
  String profile;

  @Option(names = "--specs", description = "A topic specs file to use instead of the built-in one.")
  Path specsFile;

  @Option(names = "--dry-run", description = "Print the plan without changing anything.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    List<TopicSpec> specs = specsFile == null ? TopicSpecs.load(profile) : TopicSpecs.load(specsFile, profile);
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      TopicApplier applier = new TopicApplier(admin);
      List<TopicChange> plan = dryRun ? applier.plan(specs) : applier.apply(specs);
      return report(plan, System.out);
    }
  }

  /** Prints a plan, one line per change, and returns the exit code it deserves. */
  public int report(List<TopicChange> plan, PrintStream out) {
    if (plan.isEmpty()) {
      out.println("Topics match the '" + profile + "' specs.");
    }
    String verb = dryRun ? "would " : "";
    for (TopicChange change : plan) {
      out.println((change.applies() ? verb : "") + change);
    }
    return plan.stream().anyMatch(c -> !c.applies()) ? DRIFT : 0;
  }
}
