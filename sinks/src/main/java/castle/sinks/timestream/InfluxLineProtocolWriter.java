package castle.sinks.timestream;

import castle.schema.market.Candle;
import castle.sinks.core.RejectedBatchException;
import castle.sinks.core.RetriableWriteException;
import castle.sinks.core.WriteResult;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Writes candles to Amazon Timestream for InfluxDB (or any InfluxDB) as line protocol over HTTP, with
 * millisecond precision. How it treats the answers:
 *
 * <ul>
 *   <li>204: written;
 *   <li>400 (a line InfluxDB refuses, such as a field type conflict) and 413 (too large): the batch
 *       is split by the task until the bad line is isolated, since rewriting good points is harmless;
 *   <li>429, 5xx and network errors: retried with backoff;
 *   <li>401, 403, 404: the token, bucket or URL is wrong; the task fails and says so.
 * </ul>
 */
final class InfluxLineProtocolWriter extends CandleWriter {

  private final HttpClient http;
  private final URI writeUri;
  private final String authorization;
  private final String measurement;

  /**
   * @param baseUrl the server, such as {@code https://host:8086}
   * @param v2 true for {@code /api/v2/write}, false for {@code /write}
   * @param org the organization (v2 only)
   * @param bucket the bucket (v2) or database (v1)
   * @param token the API token, or empty for none
   */
  InfluxLineProtocolWriter(String baseUrl, boolean v2, String org, String bucket, String token, String measurement) {
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.writeUri = URI.create(v2
        ? base + "/api/v2/write?org=" + encode(org) + "&bucket=" + encode(bucket) + "&precision=ms"
        : base + "/write?db=" + encode(bucket) + "&precision=ms");
    this.authorization = token.isEmpty() ? null : "Token " + token;
    this.measurement = measurement;
  }

  @Override
  public int maxBatchSize() {
    return 50_000;
  }

  @Override
  public WriteResult write(List<Candle> candles) throws RetriableWriteException, RejectedBatchException {
    List<Candle> newest = CandleKey.newestOfEach(candles);
    String body = newest.stream().map(c -> CandleLines.line(measurement, c)).collect(Collectors.joining("\n"));
    HttpRequest.Builder request = HttpRequest.newBuilder(writeUri)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "text/plain; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RetriableWriteException("InfluxDB unreachable at " + writeUri.getHost() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetriableWriteException("Interrupted while writing to InfluxDB", e);
    }
    int status = response.statusCode();
    String detail = "InfluxDB " + status + ": " + response.body().strip();
    if (status / 100 == 2) {
      return new WriteResult(newest.size(), candles.size() - newest.size(), List.of());
    } else if (status == 400 || status == 413 || status == 422) {
      throw new RejectedBatchException(detail);
    } else if (status == 401 || status == 403 || status == 404) {
      throw new ConnectException(detail + " (check influxdb.url, influxdb.token, influxdb.org and influxdb.bucket)");
    }
    throw new RetriableWriteException(detail);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    // Java 17's HttpClient has nothing to close; its threads end with the client.
  }
}
