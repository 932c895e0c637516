package castle.gateway.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castle.gateway.GatewayServer;
import castle.gateway.GatewaySettings;
import castle.gateway.api.EndpointWeights;
import castle.gateway.binance.auth.RequestSignature;
import castle.gateway.binance.limits.RateLimitSettings;
import castle.gateway.identity.apikeys.ApiKeyDirectory;
import castle.gateway.kafka.KafkaClients;
import castle.gateway.security.SecretBox;
import castle.iq.RemoteStoreQueries;
import castle.iq.StoreQueries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** A real gateway serving the Binance API on a free port, and a real HTTP client that signs requests. */
final class TestGateway implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A response with its body read as JSON. */
  record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  final BinanceApi api;
  final GatewayServer server;
  final TestTopics topics;
  private final ApiKeyDirectory keys;
  private final Clock clock;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestGateway(BinanceApi api, GatewayServer server, TestTopics topics, ApiKeyDirectory keys, Clock clock) {
    this.api = api;
    this.server = server;
    this.topics = topics;
    this.keys = keys;
    this.clock = clock;
  }

  /** A gateway over {@code topics} with Binance's limits and a 5 s result bound. */
  static TestGateway start(TestTopics topics) throws Exception {
    return start(topics, 1, RateLimitSettings.binance(), Duration.ofSeconds(5), Clock.systemUTC());
  }

  /**
   * A gateway with the given node id, limits, result bound and clock. Its account reads go to a
   * streams deployment that is not there, so they answer 503; the end-to-end test reads real state.
   */
  static TestGateway start(TestTopics topics, int nodeId, RateLimitSettings limits, Duration resultBound, Clock clock)
      throws Exception {
    StoreQueries nowhere = new RemoteStoreQueries("http://127.0.0.1:1", "no-token", JSON, Duration.ofMillis(100));
    return start(topics, new BinanceSettings(nodeId, resultBound, limits, topics::name, clock), nowhere, 0);
  }

  /** A gateway with these settings and reads, on {@code port} (0 for any), its keys loaded. */
  static TestGateway start(TestTopics topics, BinanceSettings settings, StoreQueries queries, int port)
      throws Exception {
    KafkaClients kafka = new KafkaClients(TestTopics.kafka(), new SimpleMeterRegistry());
    ApiKeyDirectory keys = ApiKeyDirectory.start(kafka, new SecretBox(TestMarkets.SECRETS_KEY));
    BinanceApi api = BinanceApi.start(settings, kafka, queries, keys, new EndpointWeights());
    GatewayServer server = GatewayServer.start(new GatewaySettings("127.0.0.1", port), List.of(api::register));
    await().atMost(Duration.ofSeconds(30)).until(() -> keys.problem().isEmpty());
    assertThat(api.readiness().values()).allSatisfy(check -> assertThat(check.problem()).isEmpty());
    return new TestGateway(api, server, topics, keys, settings.clock());
  }

  /** Waits until this gateway has loaded the key, published moments ago. */
  void awaitKey(String apiKey) throws InterruptedException {
    assertThat(keys.awaitActive(apiKey, Duration.ofSeconds(10))).as("key " + apiKey + " loaded").isTrue();
  }

  /** An unsigned request: {@code query} goes in the URL, {@code body} as a form. */
  Reply send(String method, String path, String query, String body, String apiKey) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + path + (query.isEmpty() ? "" : "?" + query)));
    if (apiKey != null) {
      request.header("X-MBX-APIKEY", apiKey);
    }
    if (body.isEmpty()) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/x-www-form-urlencoded");
      request.method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }

  /** A raw request with any headers and body. */
  Reply sendRaw(HttpRequest.Builder request) throws Exception {
    return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }

  /** The base URL. */
  String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.port() + pathAndQuery;
  }

  /** A public GET. */
  Reply get(String path, String query) throws Exception {
    return send("GET", path, query, "", null);
  }

  /**
   * A signed request as Binance clients make it: {@code params} plus {@code timestamp}, then the
   * signature, all in the query for GET and DELETE and in the body for POST.
   */
  Reply signed(String method, String path, String params, String apiKey, String secret) throws Exception {
    String total = (params.isEmpty() ? "" : params + "&") + "timestamp=" + clock.millis();
    String signed = total + "&signature=" + sign(secret, total);
    return method.equals("POST")
        ? send(method, path, "", signed, apiKey)
        : send(method, path, signed, "", apiKey);
  }

  static String sign(String secret, String totalParams) {
    return RequestSignature.sign(
        secret.getBytes(StandardCharsets.UTF_8), totalParams.getBytes(StandardCharsets.UTF_8));
  }

  private static Reply reply(HttpResponse<String> response) throws Exception {
    JsonNode body;
    try {
      body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (java.io.IOException notJson) {
      body = JSON.getNodeFactory().textNode(response.body());
    }
    return new Reply(response.statusCode(), body, response);
  }

  @Override
  public void close() {
    server.close();
    api.close();
    keys.close();
  }
}
