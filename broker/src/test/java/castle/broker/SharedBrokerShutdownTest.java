package castle.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.internals.Exit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared broker outlives what was started on it when the JVM exits: a Kafka component's own
 * shutdown hook (Connect registers one) and the fixtures tests hand to {@link SharedBroker}.
 */
class SharedBrokerShutdownTest {

  @Test
  void hooksOfKafkaComponentsAndDependentsStillFindTheBrokerWhenTheJvmExits(@TempDir Path dir) throws Exception {
    // Given a JVM whose component hook reaches the broker only after a pause that a broker stopping
    // alongside it would not survive, and a dependent that reaches it at once
    Path report = dir.resolve("report.txt");
    Process jvm = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), ExitingJvm.class.getName(), report.toString()))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("jvm.log").toFile())
        .start();

    // When it exits
    assertThat(jvm.waitFor(90, TimeUnit.SECONDS)).as("the JVM exits; log in %s", dir).isTrue();

    // Then both reached the broker, the newer one first
    assertThat(Files.readAllLines(report)).containsExactly("dependent: broker answered", "component hook: broker answered");
  }

  /** Starts the shared broker, registers a component hook and a dependent, and exits. */
  public static final class ExitingJvm {

    public static void main(String[] args) {
      Path report = Path.of(args[0]);
      String bootstrap = SharedBroker.bootstrapServers();
      Exit.addShutdownHook("component", () -> reachBroker("component hook", 2_000, bootstrap, report));
      SharedBroker.closeBeforeBroker(() -> reachBroker("dependent", 0, bootstrap, report));
      System.exit(0);
    }

    private static void reachBroker(String who, long pauseMs, String bootstrap, Path report) {
      String outcome;
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
          AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
        Thread.sleep(pauseMs);
        admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
        outcome = "broker answered";
      } catch (Exception e) {
        outcome = "broker gone (" + e + ")";
      }
      try {
        Files.writeString(report, who + ": " + outcome + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
