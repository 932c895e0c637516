package castle.gateway.market.ws;

import castle.gateway.market.AccountAuthenticator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket endpoints. {@code /ws} and {@code /ws/<anything>} deliver raw events; a path suffix
 * that names streams (separated by {@code /}) subscribes them, anything else is accepted and
 * ignored, because clients connect to {@code /ws/0}, {@code /ws/1} and subscribe by message.
 * {@code /stream?streams=a/b} wraps every event as {@code {"stream":..,"data":..}}. A connection
 * whose upgrade request carries valid credentials also receives its own account's user data.
 *
 * <p>The server pings every 20 s and answers pings; incoming messages beyond the rate limit close
 * the connection, as Binance does.
 */
public final class MarketSocket {

  private static final String ACCOUNT = MarketSocket.class.getName() + ".account";

  private final StreamHub hub;
  private final AccountAuthenticator authenticator;
  private final WsLimits limits;
  private final SocketProtocol protocol;
  private final Map<WsContext, ClientConnection> connections = new ConcurrentHashMap<>();

  /** Endpoints feeding from {@code hub}. */
  public MarketSocket(StreamHub hub, AccountAuthenticator authenticator, WsLimits limits) {
    this.hub = hub;
    this.authenticator = authenticator;
    this.limits = limits;
    this.protocol = new SocketProtocol(hub, new ObjectMapper(), limits.maxStreams());
  }

  /** Adds the endpoints. */
  public void register(JavalinConfig config) {
    config.jetty.modifyWebSocketServletFactory(factory -> {
      factory.setIdleTimeout(limits.idleTimeout());
      factory.setMaxTextMessageSize(limits.maxMessageBytes());
    });
    for (String path : List.of("/ws", "/ws/<streams>", "/stream")) {
      config.routes.wsBeforeUpgrade(path, this::authenticate);
      boolean combined = path.equals("/stream");
      config.routes.ws(path, ws -> handlers(ws, combined));
    }
  }

  /** How many connections are open, for metrics and tests. */
  public int connectionCount() {
    return connections.size();
  }

  private void authenticate(Context ctx) {
    authenticator.authenticate(ctx).ifPresent(account -> ctx.attribute(ACCOUNT, account));
  }

  private void handlers(WsConfig ws, boolean combined) {
    ws.onConnect(ctx -> connected(ctx, combined));
    ws.onMessage(ctx -> {
      ClientConnection connection = connections.get(ctx);
      if (connection == null) {
        return;
      }
      if (!connection.allowIncoming()) {
        connection.close(ClientConnection.POLICY_VIOLATION, "Too many messages: at most "
            + limits.messagesPerSecond() + " per second");
        return;
      }
      protocol.handle(connection, ctx.message());
    });
    ws.onClose(ctx -> disconnected(ctx));
    ws.onError(ctx -> disconnected(ctx));
  }

  private void connected(WsConnectContext ctx, boolean combined) {
    Long account = ctx.attribute(ACCOUNT);
    ClientConnection connection = new ClientConnection(ctx.sessionId(), ctx.session, combined, account, limits);
    connections.put(ctx, connection);
    hub.connected(connection);
    List<String> requested = combined
        ? split(ctx.queryParam("streams"))
        : ctx.pathParamMap().containsKey("streams") ? split(ctx.pathParam("streams")) : List.of();
    protocol.subscribeInitial(connection, requested.subList(0, Math.min(requested.size(), limits.maxStreams())));
    ctx.enableAutomaticPings(limits.pingEvery().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void disconnected(WsContext ctx) {
    ClientConnection connection = connections.remove(ctx);
    if (connection != null) {
      connection.closed();
      hub.disconnected(connection);
    }
    ctx.disableAutomaticPings();
  }

  private static List<String> split(String streams) {
    return streams == null || streams.isEmpty() ? List.of() : Arrays.asList(streams.split("/"));
  }
}
