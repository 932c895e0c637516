package castle.app.streams;

import castle.iq.CastleQueries;
import castle.iq.InternalQueryRoutes;
import castle.iq.QueryRouter;
import castle.topology.runtime.StreamsRuntime;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Interactive queries for a process that runs Streams apps: a router over its apps and the internal
 * routes other instances (and stateless gateways) forward queries to.
 */
public final class QueryWiring {

  /** How long a query keeps retrying while state moves before it answers 503. */
  public static final Duration RETRY_BUDGET = Duration.ofSeconds(3);

  private final QueryRouter router;
  private final InternalQueryRoutes routes;

  /** Queries over {@code runtime}'s apps, answering at {@code self} for other instances. */
  public QueryWiring(StreamsRuntime runtime, HostInfo self, String internalToken) {
    ObjectMapper json = new ObjectMapper();
    this.router = new QueryRouter(runtime.apps(), self, internalToken, json, RETRY_BUDGET);
    this.routes = new InternalQueryRoutes(CastleQueries.registry(), router, internalToken, json);
  }

  /** The router, for this process's own API routes. */
  public QueryRouter router() {
    return router;
  }

  /** The internal routes, to add to this process's HTTP server. */
  public Consumer<JavalinConfig> routes() {
    return routes::register;
  }
}
