package castle.app.gateway;

import castle.app.Resources;
import castle.gateway.GatewayServer;
import castle.gateway.GatewaySettings;
import castle.gateway.health.BrokerReachability;
import castle.gateway.health.HealthRoutes;
import castle.gateway.health.ReadinessCheck;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.javalin.config.JavalinConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.AdminClient;

/** Assembles the gateway from its parts, for both the gateway role and the local role. */
public final class GatewayWiring {

  private GatewayWiring() {}

  /**
   * Starts the gateway. Readiness covers the Kafka cluster plus {@code moreChecks} (the Streams apps
   * of this process, when it runs them); {@code moreRoutes} adds routes such as the internal
   * interactive-query routes.
   */
  public static GatewayServer start(
      GatewaySettings settings,
      Map<String, Object> kafkaProperties,
      PrometheusMeterRegistry registry,
      Map<String, ReadinessCheck> moreChecks,
      List<Consumer<JavalinConfig>> moreRoutes,
      Resources resources) {
    AdminClient admin = resources.add("gateway admin client", AdminClient.create(kafkaProperties));
    resources.add("gateway admin metrics", new KafkaClientMetrics(admin)).bindTo(registry);
    Map<String, ReadinessCheck> checks = new LinkedHashMap<>();
    checks.put("kafka", new BrokerReachability(admin));
    checks.putAll(moreChecks);
    HealthRoutes health = new HealthRoutes(checks, registry);
    List<Consumer<JavalinConfig>> routes = new ArrayList<>();
    routes.add(health::register);
    routes.addAll(moreRoutes);
    return resources.add("gateway", GatewayServer.start(settings, routes));
  }
}
