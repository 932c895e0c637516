package castle.sinks.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * DynamoDB running short of write capacity, in front of the real dynalite. Under throttling
 * BatchWriteItem stores some of a batch and answers 200 with the rest under {@code UnprocessedItems},
 * which the caller has to send again; dynalite has no capacity model and always stores everything. So
 * this gateway passes every request to dynalite, except that for the next {@code calls} BatchWriteItem
 * calls it lets only the first {@code perCall} writes through, and answers the others as unprocessed in
 * DynamoDB's own response format (CRC32 header included, which the SDK checks). The items that do go
 * through are stored by dynalite for real.
 */
public final class ThrottledDynamoDb implements AutoCloseable {

  private static final String BATCH_WRITE = "DynamoDB_20120810.BatchWriteItem";
  /** Headers the JDK's client and server set themselves, and refuse or duplicate when copied. */
  private static final Set<String> OWN_HEADERS = Set.of("host", "content-length", "connection", "expect", "upgrade",
      "transfer-encoding", "date");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String dynalite;
  private int throttledCalls;
  private int perCall;
  private int batchWrites;
  private int unprocessed;
  private long lastThrottledArrival = -1;
  private long shortestPauseNanos = Long.MAX_VALUE;

  private ThrottledDynamoDb(HttpServer server, String dynalite) {
    this.server = server;
    this.dynalite = dynalite;
  }

  /** Serves DynamoDB's API on a free port, storing in the dynalite at {@code dynalite}. */
  public static ThrottledDynamoDb start(String dynalite) {
    HttpServer server = LoopbackHttp.unstarted();
    ThrottledDynamoDb gateway = new ThrottledDynamoDb(server, dynalite);
    server.createContext("/", gateway::handle);
    server.start();
    return gateway;
  }

  /** The endpoint to give the SDK. */
  public String url() {
    return LoopbackHttp.url(server);
  }

  /** For the next {@code calls} BatchWriteItem calls, stores only the first {@code perCall} writes of each. */
  public synchronized void throttleNext(int calls, int perCall) {
    if (perCall < 1) {
      throw new IllegalArgumentException("DynamoDB processes at least one write of a throttled batch");
    }
    this.throttledCalls = calls;
    this.perCall = perCall;
  }

  /** BatchWriteItem calls received. */
  public synchronized int batchWrites() {
    return batchWrites;
  }

  /** Writes answered as unprocessed. */
  public synchronized int unprocessed() {
    return unprocessed;
  }

  /** The shortest time from a call that left writes unprocessed to the next BatchWriteItem: the caller's backoff. */
  public synchronized Duration shortestPauseAfterThrottling() {
    return Duration.ofNanos(shortestPauseNanos);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!BATCH_WRITE.equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
        relay(exchange, forward(exchange, body));
        return;
      }
      ObjectNode request = (ObjectNode) JSON.readTree(body);
      ObjectNode held = throttle((ObjectNode) request.get("RequestItems"));
      HttpResponse<byte[]> stored = forward(exchange, JSON.writeValueAsBytes(request));
      if (stored.statusCode() != 200 || held.isEmpty()) {
        relay(exchange, stored);
        return;
      }
      ObjectNode answer = (ObjectNode) JSON.readTree(stored.body());
      answer.set("UnprocessedItems", held);
      byte[] json = JSON.writeValueAsBytes(answer);
      CRC32 crc = new CRC32();
      crc.update(json);
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
      exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
      exchange.sendResponseHeaders(200, json.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(json);
      }
    }
  }

  /**
   * Counts a BatchWriteItem and, while throttling, takes every write after the first {@code perCall}
   * out of its {@code RequestItems}: the writes returned are the ones to answer as unprocessed.
   */
  private synchronized ObjectNode throttle(ObjectNode requestItems) {
    long now = System.nanoTime();
    batchWrites++;
    if (lastThrottledArrival >= 0) {
      shortestPauseNanos = Math.min(shortestPauseNanos, now - lastThrottledArrival);
    }
    lastThrottledArrival = -1;
    ObjectNode held = JSON.createObjectNode();
    if (throttledCalls == 0) {
      return held;
    }
    throttledCalls--;
    int budget = perCall;
    for (Iterator<Map.Entry<String, JsonNode>> tables = requestItems.properties().iterator(); tables.hasNext(); ) {
      Map.Entry<String, JsonNode> table = tables.next();
      ArrayNode writes = (ArrayNode) table.getValue();
      ArrayNode rest = JSON.createArrayNode();
      while (writes.size() > budget) {
        rest.insert(0, writes.remove(writes.size() - 1));
      }
      budget -= writes.size();
      if (!rest.isEmpty()) {
        held.set(table.getKey(), rest);
        unprocessed += rest.size();
      }
      if (writes.isEmpty()) {
        tables.remove();
      }
    }
    if (!held.isEmpty()) {
      lastThrottledArrival = now;
    }
    return held;
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(dynalite + exchange.getRequestURI()))
        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(value -> request.header(name, value));
      }
    });
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while forwarding to dynalite", e);
    }
  }

  private static void relay(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
    response.headers().map().forEach((name, values) -> {
      if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        exchange.getResponseHeaders().put(name, List.copyOf(values));
      }
    });
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
