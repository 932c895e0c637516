package castle.sinks.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real InfluxDB server (Debian's influxdb package, 1.6) as a child process, one per test JVM: the
 * line-protocol engine behind Timestream for InfluxDB. {@code .ci/run} installs it; without it the
 * tests are skipped, or fail where stand-ins are required (.ci/run).
 */
public final class Influxd {

  private static final String BINARY = "/usr/bin/influxd";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ChildProcess server;

  private Influxd() {}

  /** The shared server, started on first use. */
  public static synchronized ChildProcess get() {
    if (server == null) {
      if (!Files.isExecutable(Path.of(BINARY))) {
        StandInRequirement.missing("InfluxDB (" + BINARY + ") is not installed; the Timestream tests write to a"
            + " real line-protocol server. Run: apt-get install -y influxdb");
      }
      try {
        Path dir = Files.createTempDirectory("castle-influxdb-");
        int httpPort = FreePorts.next();
        String config = String.join("\n",
            "reporting-disabled = true",
            "bind-address = \"127.0.0.1:" + FreePorts.next() + "\"",
            "[meta]", "  dir = \"" + dir.resolve("meta") + "\"",
            "[data]", "  dir = \"" + dir.resolve("data") + "\"", "  wal-dir = \"" + dir.resolve("wal") + "\"",
            "  query-log-enabled = false",
            "[http]", "  bind-address = \"127.0.0.1:" + httpPort + "\"", "  log-enabled = false",
            "[monitor]", "  store-enabled = false",
            "[continuous_queries]", "  enabled = false", "");
        Path file = dir.resolve("influxdb.conf");
        Files.writeString(file, config);
        server = ChildProcess.start("influxd", List.of(BINARY, "run", "-config", file.toString()), dir, Map.of(), httpPort);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  /** Runs an InfluxQL statement and returns the JSON answer. */
  public static String query(String database, String influxQl) {
    String uri = get().url() + "/query?db=" + encode(database) + "&q=" + encode(influxQl);
    try {
      HttpResponse<String> response = HTTP.send(
          HttpRequest.newBuilder(URI.create(uri)).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("InfluxQL " + influxQl + " failed: " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every point of a measurement, as column-to-value objects, oldest first. */
  public static List<JsonNode> points(String database, String measurement) {
    try {
      JsonNode series = JSON.readTree(query(database, "SELECT * FROM \"" + measurement + "\" ORDER BY time"))
          .path("results").path(0).path("series").path(0);
      List<JsonNode> points = new ArrayList<>();
      for (JsonNode values : series.path("values")) {
        ObjectNode point = JSON.createObjectNode();
        for (int i = 0; i < series.path("columns").size(); i++) {
          point.set(series.path("columns").get(i).asText(), values.get(i));
        }
        points.add(point);
      }
      return points;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a database. */
  public static void createDatabase(String name) {
    query(name, "CREATE DATABASE \"" + name + "\"");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
