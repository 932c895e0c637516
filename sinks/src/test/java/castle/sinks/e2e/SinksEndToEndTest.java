package castle.sinks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import castle.broker.SharedBroker;
import castle.sinks.kit.SinkHarness;
import castle.sinks.kit.TestTopics;
import castle.sinks.kit.TradingSession;
import castle.topics.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * End to end: a trading session's records on the real topics reach every store exactly once, and a
 * restarted sink stack carries on where the first left off. The session's records are produced here as
 * the pipeline would write them, so their counts are known exactly; {@link PipelineToSinksTest} runs
 * the real pipeline into the sinks.
 */
class SinksEndToEndTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final List<String> TOPICS = List.of(Topics.ORDER_EXECUTIONS.name(), Topics.MARKET_TRADES.name(),
      Topics.WALLET_LEDGER.name(), Topics.USER_EVENTS.name(), Topics.MARKET_CANDLES.name(), Topics.NOTIFICATIONS.name());

  @Test
  void everyTradeReachesEveryStoreExactlyOnceAcrossARestartOfTheSinks() throws Exception {
    // Given Castle's topics and all four sinks on their stand-ins
    TestTopics.create(4, TOPICS.toArray(String[]::new));
    long start = System.currentTimeMillis() / 60_000 * 60_000 - 5 * 60_000;
    TradingSession first = TradingSession.of(120, 5, start);
    try (SinkHarness sinks = SinkHarness.start(SharedBroker.bootstrapServers())) {
      assertThat(restConnectors(sinks)).containsExactlyInAnyOrder(
          "castle-jdbc-sink", "castle-dynamodb-sink", "castle-timestream-sink", "castle-notifications-sink");

      // When a session of 120 trades flows through the topics
      produce(first);

      // Then every store has each record once
      sinks.awaitCaughtUp(TIMEOUT);
      assertStores(sinks, first, 120);
      assertThat(sinks.notifications(24, TIMEOUT)).hasSize(24)
          .extracting(m -> m.messageAttributes().get("notificationId").stringValue()).doesNotHaveDuplicates();
    }

    // When the sinks restart on a new worker, writing to new stores, and the session goes on
    TradingSession second = TradingSession.of(60, 5, start + 121_000);
    try (SinkHarness sinks = SinkHarness.start(SharedBroker.bootstrapServers())) {
      produce(second);
      sinks.awaitCaughtUp(TIMEOUT);

      // Then they carry on from the offsets the first stack committed: the new stores hold exactly the
      // second part of the session
      assertStores(sinks, second, 60);
    }
  }

  private static void produce(TradingSession session) {
    TestTopics.produce(Topics.ORDER_EXECUTIONS.name(), session.executions());
    TestTopics.produce(Topics.MARKET_TRADES.name(), session.trades());
    TestTopics.produce(Topics.WALLET_LEDGER.name(), session.ledger());
    TestTopics.produce(Topics.MARKET_CANDLES.name(), session.candles());
    TestTopics.produce(Topics.NOTIFICATIONS.name(), session.notifications());
  }

  private static void assertStores(SinkHarness sinks, TradingSession session, int trades) {
    assertThat(sinks.postgres().count("trades")).isEqualTo(trades);
    assertThat(sinks.postgres().rows("SELECT count(DISTINCT trade_id) AS n FROM trades").get(0).get("n")).isEqualTo((long) trades);
    assertThat(sinks.postgres().count("orders")).isEqualTo(2L * trades);
    assertThat(sinks.postgres().rows("SELECT DISTINCT status FROM orders")).extracting(r -> r.get("status"))
        .containsExactly("FILLED");
    assertThat(sinks.postgres().count("ledger")).isEqualTo(4L * trades);
    List<Map<String, AttributeValue>> history = sinks.tradeHistory();
    assertThat(history).hasSize(2 * trades);
    Map<String, Long> fillsPerTrade = history.stream()
        .collect(Collectors.groupingBy(i -> i.get("tradeId").n(), Collectors.counting()));
    assertThat(fillsPerTrade).hasSize(trades).allSatisfy((trade, fills) -> assertThat(fills).isEqualTo(2));
    List<JsonNode> candles = sinks.candlePoints();
    long minutes = candles.stream().map(c -> c.get("time").asText()).distinct().count();
    assertThat(candles).hasSize((int) minutes);
    assertThat(minutes).isEqualTo(session.distinctCandles());
    Map<Long, Long> newest = session.candles().stream().map(Map.Entry::getValue)
        .collect(Collectors.toMap(c -> c.getOpenTime(), c -> c.getVersion(), Math::max));
    assertThat(candles.stream().collect(Collectors.toMap(c -> Instant.parse(c.get("time").asText()).toEpochMilli(),
        c -> c.get("version").asLong()))).isEqualTo(newest);
  }

  private static List<String> restConnectors(SinkHarness sinks) throws Exception {
    URI uri = sinks.stack().worker().restUrl().resolve("/connectors");
    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return List.of(new ObjectMapper().readValue(response.body(), String[].class));
  }
}
