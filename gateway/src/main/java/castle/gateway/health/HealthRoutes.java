package castle.gateway.health;

import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /health/live}, {@code /health/ready} and {@code /metrics}. Liveness only says the process
 * serves HTTP; readiness runs every {@link ReadinessCheck} and answers 503 with each problem while any
 * fails; metrics are Prometheus text from the process's Micrometer registry.
 */
public final class HealthRoutes {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Map<String, ReadinessCheck> checks;
  private final PrometheusMeterRegistry registry;

  /** Routes over the named checks and the given registry. */
  public HealthRoutes(Map<String, ReadinessCheck> checks, PrometheusMeterRegistry registry) {
    this.checks = new LinkedHashMap<>(checks);
    this.registry = registry;
  }

  /** Adds the routes to a Javalin configuration. */
  public void register(JavalinConfig config) {
    config.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
    config.routes.get("/health/ready", ctx -> {
      Map<String, String> problems = problems();
      if (problems.isEmpty()) {
        ctx.json(Map.of("status", "READY"));
      } else {
        ctx.status(503).json(Map.of("status", "NOT_READY", "problems", problems));
      }
    });
    config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
  }

  /** Each failing check's problem, by check name. */
  public Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    checks.forEach((name, check) -> check.problem().ifPresent(p -> problems.put(name, p)));
    return problems;
  }

  /** The names of the checks, in order. */
  public List<String> checkNames() {
    return List.copyOf(checks.keySet());
  }
}
