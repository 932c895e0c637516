package castle.bench.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import castle.bench.workload.Trader;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Receives one WebSocket's text frames and passes the events the harness times to {@link
 * PendingOrders}: {@code executionReport} (own orders, on authenticated connections) and {@code
 * trade} (public trades). Timestamps are taken on arrival, before parsing.
 */
public final class StreamEvents implements Session.Listener.AutoDemanding {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Set<String> FINAL = Set.of("FILLED", "CANCELED", "EXPIRED", "REJECTED");

  private final PendingOrders pending;
  private final Trader trader;
  private final LongAdder received;
  private final LongAdder failures;

  /**
   * Events into {@code pending}; counts frames received and connection failures.
   *
   * @param trader the trader whose user data this connection receives (it learns which of its
   *     orders ended), or null on a public connection
   */
  public StreamEvents(PendingOrders pending, Trader trader, LongAdder received, LongAdder failures) {
    this.pending = pending;
    this.trader = trader;
    this.received = received;
    this.failures = failures;
  }

  @Override
  public void onWebSocketText(String message) {
    long now = System.nanoTime();
    received.increment();
    try {
      JsonNode event = JSON.readTree(message);
      if (event.has("data")) {
        event = event.get("data");
      }
      switch (event.path("e").asText()) {
        case "executionReport" -> {
          pending.executionReport(
              event.path("c").asText(),
              "TRADE".equals(event.path("x").asText()),
              event.path("m").asBoolean(),
              event.path("s").asText(),
              event.path("t").asLong(),
              now);
          if (trader != null && FINAL.contains(event.path("X").asText())) {
            trader.ended(event.path("s").asText(), event.path("i").asLong());
          }
        }
        case "trade" -> pending.publicTrade(event.path("s").asText(), event.path("t").asLong(), now);
        default -> { }
      }
    } catch (IOException e) {
      failures.increment();
    }
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    failures.increment();
  }
}
