package castle.sinks.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fake of Amazon Timestream for LiveAnalytics' write API (AWS JSON 1.0, {@code
 * Timestream_20181101.WriteRecords}) that enforces the service's documented rules, since no local
 * LiveAnalytics exists:
 *
 * <ul>
 *   <li>1 to 100 records per request, else ValidationException; an unknown table is
 *       ResourceNotFoundException;
 *   <li>a record is identified by database, table, dimensions, measure name and time;
 *   <li>the same record with the same measure values is accepted and changes nothing;
 *   <li>different values replace the stored ones only with a higher Version (default 1); otherwise the
 *       record is rejected with the ExistingVersion;
 *   <li>a time outside the memory store's window (its retention back, 15 minutes ahead) is rejected;
 *   <li>rejected records come back in a RejectedRecordsException (HTTP 419); the others are ingested.
 * </ul>
 */
public final class FakeTimestreamWrite implements AutoCloseable {

  /** A stored record: its version and measure values. */
  public record Stored(long version, Map<String, String> values) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ERROR_PREFIX = "com.amazonaws.timestream.v20181101#";
  private static final Duration FUTURE_LIMIT = Duration.ofMinutes(15);

  private final HttpServer server;
  private final Clock clock;
  private final Map<String, Duration> tables = new ConcurrentHashMap<>();
  private final Map<String, Stored> records = new ConcurrentHashMap<>();
  private volatile int largestRequest;

  private FakeTimestreamWrite(HttpServer server, Clock clock) {
    this.server = server;
    this.clock = clock;
  }

  /** Starts the fake on a free loopback port. */
  public static FakeTimestreamWrite start() {
    HttpServer server = LoopbackHttp.unstarted();
    FakeTimestreamWrite fake = new FakeTimestreamWrite(server, Clock.systemUTC());
    server.createContext("/", fake::handle);
    server.start();
    return fake;
  }

  /** The endpoint to give the SDK as its endpoint override. */
  public String url() {
    return LoopbackHttp.url(server);
  }

  /** Creates a table whose memory store keeps {@code memoryRetention}. */
  public void createTable(String database, String table, Duration memoryRetention) {
    tables.put(database + "/" + table, memoryRetention);
  }

  /** The stored records of a table, by their identity (dimensions, measure name and time). */
  public Map<String, Stored> records(String database, String table) {
    Map<String, Stored> result = new TreeMap<>();
    String prefix = database + "/" + table + "|";
    records.forEach((key, stored) -> {
      if (key.startsWith(prefix)) {
        result.put(key.substring(prefix.length()), stored);
      }
    });
    return result;
  }

  /** The most records any one request carried. */
  public int largestRequest() {
    return largestRequest;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      if (!"Timestream_20181101.WriteRecords".equals(target)) {
        error(exchange, 400, "ValidationException", "Unsupported operation " + target, null);
        return;
      }
      writeRecords(exchange, body);
    }
  }

  private synchronized void writeRecords(HttpExchange exchange, JsonNode body) throws IOException {
    String table = body.path("DatabaseName").asText() + "/" + body.path("TableName").asText();
    JsonNode records = body.path("Records");
    if (!tables.containsKey(table)) {
      error(exchange, 404, "ResourceNotFoundException", "The table " + table + " does not exist.", null);
      return;
    }
    if (!records.isArray() || records.isEmpty() || records.size() > 100) {
      error(exchange, 400, "ValidationException",
          "1 validation error detected: Value at 'records' failed to satisfy constraint: Member must have length"
              + " less than or equal to 100 and greater than or equal to 1", null);
      return;
    }
    largestRequest = Math.max(largestRequest, records.size());
    JsonNode common = body.path("CommonAttributes");
    ArrayNode rejected = JSON.createArrayNode();
    for (int i = 0; i < records.size(); i++) {
      String reason = ingest(table, records.get(i), common);
      if (reason != null) {
        ObjectNode entry = rejected.addObject().put("RecordIndex", i).put("Reason", reason);
        if (reason.startsWith("A record")) {
          entry.put("ExistingVersion", this.records.get(identity(table, records.get(i), common)).version());
        }
      }
    }
    if (!rejected.isEmpty()) {
      error(exchange, 419, "RejectedRecordsException",
          "One or more records have been rejected. See RejectedRecords for details.", rejected);
      return;
    }
    int total = records.size();
    send(exchange, 200, JSON.createObjectNode().set("RecordsIngested",
        JSON.createObjectNode().put("Total", total).put("MemoryStore", total).put("MagneticStore", 0)));
  }

  /** Stores one record and returns null, or returns why it is rejected. */
  private String ingest(String table, JsonNode record, JsonNode common) {
    long time = Long.parseLong(attribute(record, common, "Time").asText());
    long timeMs = switch (attribute(record, common, "TimeUnit").asText("MILLISECONDS")) {
      case "SECONDS" -> time * 1000;
      case "MICROSECONDS" -> time / 1000;
      case "NANOSECONDS" -> time / 1_000_000;
      default -> time;
    };
    long now = clock.millis();
    Duration retention = tables.get(table);
    if (timeMs < now - retention.toMillis() || timeMs > now + FUTURE_LIMIT.toMillis()) {
      return "The record timestamp is outside the time range [" + (now - retention.toMillis()) + ", "
          + (now + FUTURE_LIMIT.toMillis()) + ") of the memory store.";
    }
    Map<String, String> values = new TreeMap<>();
    if ("MULTI".equals(attribute(record, common, "MeasureValueType").asText())) {
      for (JsonNode value : record.path("MeasureValues")) {
        values.put(value.path("Name").asText(), value.path("Type").asText() + ":" + value.path("Value").asText());
      }
      if (values.isEmpty()) {
        return "A MULTI record needs MeasureValues.";
      }
    } else {
      values.put(attribute(record, common, "MeasureName").asText(), attribute(record, common, "MeasureValue").asText());
    }
    long version = attribute(record, common, "Version").asLong(1);
    String key = identity(table, record, common);
    Stored existing = records.get(key);
    if (existing == null || version > existing.version()) {
      records.put(key, new Stored(version, values));
      return null;
    }
    if (existing.values().equals(values)) {
      return null;
    }
    return "A record with the same dimensions, timestamp and measure name but different measure values exists"
        + " with an equal or higher version.";
  }

  private static String identity(String table, JsonNode record, JsonNode common) {
    Map<String, String> dimensions = new TreeMap<>();
    for (JsonNode source : List.of(common.path("Dimensions"), record.path("Dimensions"))) {
      for (JsonNode dimension : source) {
        dimensions.put(dimension.path("Name").asText(), dimension.path("Value").asText());
      }
    }
    return table + "|" + dimensions + "|" + attribute(record, common, "MeasureName").asText() + "|"
        + attribute(record, common, "Time").asText();
  }

  private static JsonNode attribute(JsonNode record, JsonNode common, String name) {
    return record.has(name) ? record.get(name) : common.path(name);
  }

  private static void error(HttpExchange exchange, int status, String type, String message, ArrayNode rejected)
      throws IOException {
    ObjectNode body = JSON.createObjectNode().put("__type", ERROR_PREFIX + type).put("message", message);
    if (rejected != null) {
      body.set("RejectedRecords", rejected);
    }
    exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
    send(exchange, status, body);
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
