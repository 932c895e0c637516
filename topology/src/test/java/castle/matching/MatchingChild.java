package castle.matching;

import castle.topology.StreamsApp;
import castle.topology.StreamsEnvironment;
import castle.topology.runtime.StreamsRuntime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.Topology;

/**
 * A matching instance in its own JVM, for the crash test to kill with SIGKILL. Arguments: bootstrap
 * servers, state directory, app name, topic prefix. Prints RUNNING once the app runs, then waits.
 */
public final class MatchingChild {

  private MatchingChild() {}

  public static void main(String[] args) throws Exception {
    StreamsApp app = app(args[2], args[3]);
    StreamsEnvironment environment = StreamsEnvironment.local(
        Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, args[0]), Path.of(args[1]), null);
    StreamsRuntime runtime =
        StreamsRuntime.start(List.of(app), environment, new SimpleMeterRegistry(), Duration.ofSeconds(5));
    if (!runtime.awaitRunning(Duration.ofSeconds(90))) {
      System.out.println("FAILED " + runtime.problem(app.name()));
      System.exit(1);
    }
    System.out.println("RUNNING");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  /** The matching app under another name (its application id) and on prefixed topics. */
  static StreamsApp app(String name, String topicPrefix) {
    MatchingApp matching = new MatchingApp(castle.matching.book.FastOrderBook::new, MatchingTopics.prefixed(topicPrefix));
    return new StreamsApp() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Topology topology() {
        return matching.topology();
      }
    };
  }
}
