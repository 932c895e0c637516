package castle.app.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castle.app.Resources;
import castle.money.FixedPoint;
import castle.schema.market.Trade;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.reference.SymbolConfig;
import castle.schema.reference.SymbolStatus;
import castle.topics.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local role serves market data end to end: the market app, its queries, REST and WebSocket,
 * and alerts for a user authenticated with the identity part's bearer tokens.
 */
class LocalMarketDataTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aTradeShowsInTheTickerTheWebSocketAnswersAndAnAuthenticatedUserSetsAnAlert(@TempDir Path dir) throws Exception {
    try (LocalCastle castle = LocalCastle.start(
        new LocalCastle.Settings(dir.resolve("data"), "127.0.0.1", 0, 0), new Resources())) {
      // Given a configured symbol that traded once
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
          Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, castle.broker().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
          new StringSerializer(), new ByteArraySerializer())) {
        producer.send(new ProducerRecord<>(Topics.SYMBOLS.name(), "BTCUSDT", Topics.SYMBOLS.valueSerde().encode(config())));
        producer.send(new ProducerRecord<>(Topics.MARKET_TRADES.name(), "BTCUSDT",
            Topics.MARKET_TRADES.valueSerde().encode(trade())));
      }

      // Then the REST ticker shows it, and unknown symbols get Binance's error
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(get(castle, "/api/v3/ticker/price?symbol=BTCUSDT").path("price").asText()).isEqualTo("30000.00000000"));
      HttpResponse<String> unknown = send(castle, "/api/v3/depth?symbol=NOPEUSDT");
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(unknown.body()).isEqualTo("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");

      // And a WebSocket client is answered
      CompletableFuture<String> reply = new CompletableFuture<>();
      WebSocket socket = http.newWebSocketBuilder().buildAsync(
          URI.create("ws://127.0.0.1:" + castle.gatewayPort() + "/ws/btcusdt@trade"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
              reply.complete(data.toString());
              return null;
            }
          }).join();
      socket.sendText("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1}", true).join();
      assertThat(reply.get(10, TimeUnit.SECONDS)).isEqualTo("{\"result\":[\"btcusdt@trade\"],\"id\":1}");
      socket.abort();

      // And a user with a bearer token sets an alert and hears about it on their WebSocket
      String token = login(castle, "market-user@example.com");
      CompletableFuture<String> alertEvent = new CompletableFuture<>();
      WebSocket userSocket = http.newWebSocketBuilder().header("Authorization", "Bearer " + token).buildAsync(
          URI.create("ws://127.0.0.1:" + castle.gatewayPort() + "/ws"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
              alertEvent.complete(data.toString());
              return null;
            }
          }).join();
      String alert = "{\"symbol\":\"BTCUSDT\",\"condition\":\"CROSSES_ABOVE\",\"price\":\"31000\"}";
      assertThat(post(castle, "/v1/alerts", alert, null).statusCode()).isEqualTo(401);
      HttpResponse<String> created = post(castle, "/v1/alerts", alert, token);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
      JsonNode event = json.readTree(alertEvent.get(30, TimeUnit.SECONDS));
      assertThat(event.path("e").asText()).isEqualTo("alert");
      assertThat(event.path("kind").asText()).isEqualTo("ALERT_CREATED");
      assertThat(event.path("attributes").path("alertId").asLong()).isEqualTo(json.readTree(created.body()).path("alertId").asLong());
      userSocket.abort();
    }
  }

  private String login(LocalCastle castle, String email) throws Exception {
    String credentials = json.writeValueAsString(Map.of("email", email, "password", "correct horse battery staple"));
    assertThat(post(castle, "/v1/auth/register", credentials, null).statusCode()).isEqualTo(200);
    HttpResponse<String> login = post(castle, "/v1/auth/login", credentials, null);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return json.readTree(login.body()).path("accessToken").asText();
  }

  private HttpResponse<String> post(LocalCastle castle, String path, String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + castle.gatewayPort() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode get(LocalCastle castle, String path) throws Exception {
    HttpResponse<String> response = send(castle, path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<String> send(LocalCastle castle, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + castle.gatewayPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static SymbolConfig config() {
    return SymbolConfig.newBuilder().setSymbol("BTCUSDT").setBaseAsset("BTC").setQuoteAsset("USDT").setBaseScale(8)
        .setQuoteScale(2).setTickSize(1).setMinPrice(1).setMaxPrice(100_000_000_00L).setStepSize(1).setMinQty(1)
        .setMaxQty(100_000_000_000L).setMinNotional(0).setMaxNotional(0)
        .setDefaultSelfTradePreventionMode(SelfTradePreventionMode.NONE).setStatus(SymbolStatus.TRADING).setUpdatedAt(0)
        .build();
  }

  private static Trade trade() {
    return Trade.newBuilder().setSymbol("BTCUSDT").setTradeId(1).setPrice(3_000_000).setQty(10_000_000)
        .setQuoteQty(FixedPoint.notional(3_000_000, 10_000_000, 8)).setTime(System.currentTimeMillis())
        .setBuyerIsMaker(false).setBuyOrderId(1).setSellOrderId(2).setBuyerAccountId(10).setSellerAccountId(11)
        .setBuyerCommission(0).setSellerCommission(0).setTakerCommandId(1).setBaseAsset("BTC").setQuoteAsset("USDT")
        .setBaseScale(8).setQuoteScale(2).build();
  }
}
