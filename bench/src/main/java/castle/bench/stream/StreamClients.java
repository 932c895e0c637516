package castle.bench.stream;

import castle.bench.workload.Trader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * The harness's WebSocket connections, as real clients would hold them: one authenticated
 * connection per trader for its own user data, and one public connection per symbol on
 * {@code <symbol>@trade}.
 */
public final class StreamClients implements AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final WebSocketClient client = new WebSocketClient();
  private final List<Session> sessions = new ArrayList<>();
  private final PendingOrders pending;
  private final URI base;
  private final LongAdder received = new LongAdder();
  private final LongAdder failures = new LongAdder();

  /** Connections to the gateway at {@code base} (ws://host:port), reporting into {@code pending}. */
  public StreamClients(URI base, PendingOrders pending) throws Exception {
    this.base = base;
    this.pending = pending;
    client.start();
  }

  /** Opens a trader's user-data connection with its bearer token. */
  public void userData(Trader trader, String bearerToken) throws Exception {
    ClientUpgradeRequest request = new ClientUpgradeRequest(base.resolve("/ws/user"));
    request.setHeader("Authorization", List.of("Bearer " + bearerToken));
    connect(request, trader);
  }

  /** Opens a public connection on a symbol's trades. */
  public void trades(String symbol) throws Exception {
    connect(new ClientUpgradeRequest(base.resolve("/ws/" + symbol.toLowerCase(java.util.Locale.ROOT) + "@trade")), null);
  }

  /** Frames received so far. */
  public long received() {
    return received.sum();
  }

  /** Connection errors and unreadable frames so far. */
  public long failures() {
    return failures.sum();
  }

  private void connect(ClientUpgradeRequest request, Trader trader) throws Exception {
    Session session = client.connect(new StreamEvents(pending, trader, received, failures), request)
        .get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    synchronized (sessions) {
      sessions.add(session);
    }
  }

  @Override
  public void close() throws Exception {
    synchronized (sessions) {
      sessions.forEach(Session::close);
    }
    client.stop();
  }
}
