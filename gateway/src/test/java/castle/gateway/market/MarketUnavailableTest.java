package castle.gateway.market;

import static org.assertj.core.api.Assertions.assertThat;

import castle.broker.SharedBroker;
import castle.gateway.GatewayServer;
import castle.gateway.GatewaySettings;
import castle.gateway.api.ApiErrors;
import castle.gateway.api.EndpointWeights;
import castle.gateway.ids.IdGenerator;
import castle.gateway.kafka.KafkaClients;
import castle.gateway.market.ws.WsLimits;
import castle.iq.QueryRouter;
import castle.market.MarketApp;
import castle.market.MarketSettings;
import castle.topology.StreamsEnvironment;
import castle.topology.StreamsSettings;
import castle.topology.TopicNames;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** While the market app's state is not servable, the endpoints answer 503 in the contract's format. */
class MarketUnavailableTest {

  @Test
  void marketEndpointsAnswer503WhileTheStateIsNotServable(@TempDir Path state) throws Exception {
    // Given a market app that has not reached RUNNING (as during a rebalance or restore)
    Map<String, Object> kafka = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers());
    TopicNames topics = TopicNames.prefixed("unavailable.");
    MarketApp app = new MarketApp(topics, MarketSettings.defaults());
    Properties props = StreamsSettings.forApp(app, StreamsEnvironment.local(kafka, state, "127.0.0.1:1"));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "unavailable-market");
    ObjectMapper json = new ObjectMapper();
    try (KafkaStreams streams = new KafkaStreams(app.topology(), props)) {
      QueryRouter router = new QueryRouter(Map.of("market", streams), new HostInfo("127.0.0.1", 1), "token", json,
          Duration.ofMillis(300));
      try (MarketGateway market = MarketGateway.start(new MarketGateway.Settings(router, DepthSource.marketBook(router),
              AccountAuthenticator.anonymousOnly(), new KafkaClients(kafka, new SimpleMeterRegistry()), topics,
              new EndpointWeights(), new IdGenerator(2), WsLimits.defaults()));
          GatewayServer server = GatewayServer.start(new GatewaySettings("127.0.0.1", 0),
              List.of(ApiErrors::register, market::register))) {

        // When clients ask for market data
        for (String path : List.of("/api/v3/ticker/24hr?symbol=BTCUSDT", "/api/v3/depth?symbol=BTCUSDT&limit=1000",
            "/api/v3/klines?symbol=BTCUSDT&interval=1m")) {
          HttpResponse<String> response = HttpClient.newHttpClient().send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
              HttpResponse.BodyHandlers.ofString());

          // Then they get a 503 to retry, never an empty or wrong answer
          assertThat(response.statusCode()).as(path).isEqualTo(503);
          assertThat(response.body())
              .isEqualTo("{\"code\":-1001,\"msg\":\"Internal error; unable to process your request. Please try again.\"}");
        }
      }
    }
  }
}
