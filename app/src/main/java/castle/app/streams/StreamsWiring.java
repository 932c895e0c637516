package castle.app.streams;

import castle.app.Resources;
import castle.gateway.health.ReadinessCheck;
import castle.topology.StreamsApp;
import castle.topology.StreamsEnvironment;
import castle.topology.runtime.StreamsRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starts Castle's Streams apps for the streams and local roles, with a readiness check per app. */
public final class StreamsWiring {

  /** Streams apps get this long to commit and leave their groups on shutdown. */
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(6);

  private StreamsWiring() {}

  /** Starts the apps into {@code resources}. */
  public static StreamsRuntime start(
      List<StreamsApp> apps, StreamsEnvironment environment, MeterRegistry registry, Resources resources) {
    return resources.add("streams apps", StreamsRuntime.start(apps, environment, registry, CLOSE_TIMEOUT));
  }

  /** One readiness check per app, named {@code streams:<app>}. */
  public static Map<String, ReadinessCheck> readiness(StreamsRuntime runtime) {
    Map<String, ReadinessCheck> checks = new LinkedHashMap<>();
    runtime.apps().keySet().forEach(name -> checks.put("streams:" + name, () -> runtime.problem(name)));
    return checks;
  }
}
