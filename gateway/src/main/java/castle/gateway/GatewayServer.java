package castle.gateway;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.util.List;
import java.util.function.Consumer;

/**
 * The gateway's HTTP server. Each part of the API contributes its routes as a {@code
 * Consumer<JavalinConfig>}, because Javalin 7 takes every route before the server starts.
 */
public final class GatewayServer implements AutoCloseable {

  private final Javalin javalin;

  private GatewayServer(Javalin javalin) {
    this.javalin = javalin;
  }

  /** Starts a server with the given route contributions. */
  public static GatewayServer start(GatewaySettings settings, List<Consumer<JavalinConfig>> routes) {
    Javalin javalin =
        Javalin.create(
            config -> {
              config.jetty.host = settings.host();
              config.jetty.port = settings.port();
              config.startup.showJavalinBanner = false;
              routes.forEach(contribution -> contribution.accept(config));
            });
    javalin.start();
    return new GatewayServer(javalin);
  }

  /** The port it listens on. */
  public int port() {
    return javalin.port();
  }

  /** Stops accepting requests and closes connections. */
  @Override
  public void close() {
    javalin.stop();
  }
}
