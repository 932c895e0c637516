package castle.sinks.standins;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The InfluxDB 2 write API ({@code POST /api/v2/write?org=&bucket=&precision=}), as Timestream for
 * InfluxDB serves it, in front of the real InfluxDB 1.6 server: it checks what v2 checks (the {@code
 * Authorization: Token} header, the org, an existing bucket, the precision) and answers in v2's JSON
 * error format, while the line protocol itself is parsed and stored by the real server. Debian ships
 * no InfluxDB 2.
 */
public final class InfluxV2Gateway implements AutoCloseable {

  private static final Set<String> PRECISIONS = Set.of("ns", "us", "ms", "s");

  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String token;
  private final String org;
  private final Set<String> buckets;
  private final String influx;
  private final AtomicInteger unavailable = new AtomicInteger();
  private final AtomicInteger writes = new AtomicInteger();

  private InfluxV2Gateway(HttpServer server, String token, String org, Set<String> buckets, String influx) {
    this.server = server;
    this.token = token;
    this.org = org;
    this.buckets = buckets;
    this.influx = influx;
  }

  /** Serves the v2 write API for {@code org} and {@code buckets} (databases of the real server). */
  public static InfluxV2Gateway start(String token, String org, Set<String> buckets) {
    HttpServer server = LoopbackHttp.unstarted();
    InfluxV2Gateway gateway = new InfluxV2Gateway(server, token, org, buckets, Influxd.get().url());
    server.createContext("/api/v2/write", gateway::write);
    server.start();
    return gateway;
  }

  /** The base URL, as a Timestream for InfluxDB endpoint would be given. */
  public String url() {
    return LoopbackHttp.url(server);
  }

  /** Answers the next {@code count} writes with 503, as an overloaded or restarting instance does. */
  public void failNext(int count) {
    unavailable.set(count);
  }

  /** How many write requests arrived. */
  public int writes() {
    return writes.get();
  }

  private void write(HttpExchange exchange) throws IOException {
    try (exchange) {
      writes.incrementAndGet();
      Map<String, String> query = query(exchange.getRequestURI());
      if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        exchange.getResponseHeaders().set("Retry-After", "1");
        answer(exchange, 503, "unavailable", "service unavailable");
      } else if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405, "method not allowed", "method not allowed");
      } else if (!("Token " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        answer(exchange, 401, "unauthorized", "unauthorized access");
      } else if (!org.equals(query.get("org"))) {
        answer(exchange, 404, "not found", "organization name \"" + query.get("org") + "\" not found");
      } else if (!buckets.contains(query.get("bucket"))) {
        answer(exchange, 404, "not found", "bucket \"" + query.get("bucket") + "\" not found");
      } else if (!PRECISIONS.contains(query.getOrDefault("precision", "ns"))) {
        answer(exchange, 400, "invalid", "invalid precision; valid precision units are ns, us, ms, and s");
      } else {
        forward(exchange, query);
      }
    }
  }

  private void forward(HttpExchange exchange, Map<String, String> query) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    URI target = URI.create(influx + "/write?db=" + query.get("bucket") + "&precision=" + query.getOrDefault("precision", "ns"));
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer(exchange, 503, "unavailable", "interrupted");
      return;
    }
    if (response.statusCode() == 204) {
      exchange.sendResponseHeaders(204, -1);
    } else {
      String message = response.body().replaceAll("^\\{\"error\":\"|\"}\\s*$", "");
      answer(exchange, response.statusCode(), response.statusCode() == 400 ? "invalid" : "internal error", message);
    }
  }

  private static void answer(HttpExchange exchange, int status, String code, String message) throws IOException {
    byte[] json = ("{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, json.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(json);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> params = new HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
