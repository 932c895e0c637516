package castle.iq;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Asks another instance's {@link InternalQueryRoutes} over HTTP. A 503 from there (not the owner
 * any more, or restoring) and any transport failure become {@link StoreUnavailableException}, so
 * the caller's retry loop handles them like a local rebalance.
 */
final class QueryForwarder {

  static final String TOKEN_HEADER = "X-Castle-Internal-Token";
  static final String KEY_PARAM = "key";
  static final String MODE_PARAM = "mode";
  /** Run on the receiving instance only; refuse if it does not own the key. */
  static final String MODE_LOCAL = "local";
  /** Route from the receiving instance to the owner. */
  static final String MODE_ROUTE = "route";

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final ObjectMapper json;
  private final String token;

  QueryForwarder(ObjectMapper json, String token) {
    this.json = json;
    this.token = token;
  }

  <R> R ask(String baseUrl, StoreQuery<R> query, String key, Map<String, String> params, String mode) {
    return send(baseUrl, query, key, params, mode, json.constructType(query.resultType()));
  }

  /** A fan-out query routed by the receiving instance: one answer per instance of the app. */
  <R> List<R> askAll(String baseUrl, StoreQuery<R> query, Map<String, String> params) {
    JavaType listOfResults = json.getTypeFactory().constructCollectionType(List.class, query.resultType());
    return send(baseUrl, query, null, params, MODE_ROUTE, listOfResults);
  }

  private <T> T send(
      String baseUrl, StoreQuery<?> query, String key, Map<String, String> params, String mode, JavaType type) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/internal/iq/" + query.name() + "?" + queryString(key, params, mode)))
            .timeout(TIMEOUT)
            .header(TOKEN_HEADER, token)
            .GET()
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new StoreUnavailableException("cannot reach " + baseUrl + ": " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while asking " + baseUrl);
    }
    try {
      return switch (response.statusCode()) {
        case 200 -> json.readValue(response.body(), type);
        case 400 -> throw new IllegalArgumentException(reason(response));
        case 503 -> throw new StoreUnavailableException(reason(response));
        default -> throw new IllegalStateException(
            baseUrl + " answered " + response.statusCode() + " to " + query.name() + ": " + reason(response));
      };
    } catch (IOException e) {
      throw new IllegalStateException("Unreadable answer from " + baseUrl + " to " + query.name(), e);
    }
  }

  private String reason(HttpResponse<byte[]> response) throws IOException {
    byte[] body = response.body();
    if (body.length == 0) {
      return "(no reason given)";
    }
    return json.readTree(body).path("reason").asText("(no reason given)");
  }

  private static String queryString(String key, Map<String, String> params, String mode) {
    StringJoiner joiner = new StringJoiner("&");
    joiner.add(MODE_PARAM + "=" + mode);
    if (key != null) {
      joiner.add(KEY_PARAM + "=" + encode(key));
    }
    params.forEach((name, value) -> joiner.add(encode(name) + "=" + encode(value)));
    return joiner.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
