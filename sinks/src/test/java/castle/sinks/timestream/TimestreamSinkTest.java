package castle.sinks.timestream;

import static castle.sinks.kit.Fixtures.ONE;
import static org.assertj.core.api.Assertions.assertThat;

import castle.schema.market.Candle;
import castle.sinks.kit.ConnectorProgress;
import castle.sinks.kit.Crash;
import castle.sinks.kit.DeadLetterAssert;
import castle.sinks.kit.Fixtures;
import castle.sinks.kit.SharedWorker;
import castle.sinks.kit.TestConnectors;
import castle.sinks.kit.TestTopics;
import castle.sinks.standins.FakeTimestreamWrite;
import castle.sinks.standins.InfluxV2Gateway;
import castle.sinks.standins.Influxd;
import castle.sinks.worker.ConnectWorker;
import castle.sinks.worker.Sink;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Timestream sink in a real Connect worker: line protocol into a real InfluxDB (through both write
 * APIs), and WriteRecords into a fake of Timestream for LiveAnalytics that enforces its rules.
 */
@ExtendWith(SharedWorker.DeleteConnectorsAfterAll.class)
class TimestreamSinkTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final ConnectWorker worker = SharedWorker.get();
  private final String candles = TestTopics.unique("market.candles");
  private final String deadLetters = TestTopics.unique("dead-letters");
  private final String connector = "timestream-" + UUID.randomUUID();
  private final long minute = System.currentTimeMillis() / 60_000 * 60_000 - 10 * 60_000;

  @Test
  void influxDbKeepsTheNewestVersionOfEachCandleThroughTheV2ApiEvenAfterAReplay() throws Exception {
    // Given a bucket behind the InfluxDB 2 write API, and a sink writing to it with a token
    String bucket = "castle_" + UUID.randomUUID().toString().replace("-", "");
    Influxd.createDatabase(bucket);
    try (InfluxV2Gateway influx = InfluxV2Gateway.start("s3cr3t-token", "castle", Set.of(bucket))) {
      startConnector(Map.of("influxdb.url", influx.url(), "influxdb.api", "v2", "influxdb.org", "castle",
          "influxdb.bucket", bucket, "influxdb.token", "s3cr3t-token"));

      // When two candles are emitted three times each, the last emission final
      TestTopics.produce(candles, emissions());

      // Then the store holds one point per candle: the final one
      ConnectorProgress.awaitCaughtUp(connector, List.of(candles), TIMEOUT);
      List<JsonNode> points = points(bucket);
      assertThat(points).hasSize(2);
      assertThat(points).allSatisfy(p -> {
        assertThat(p.get("version").asLong()).isEqualTo(3);
        assertThat(p.get("closed").asBoolean()).isTrue();
        assertThat(p.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(p.get("interval").asText()).isEqualTo("1m");
      });
      assertThat(points.get(0).get("close").asLong()).isEqualTo(30_300 * ONE);

      // When the sink crashes before committing and replays everything
      Crash.andReplayEverything(worker, connector);
      ConnectorProgress.awaitCaughtUp(connector, List.of(candles), TIMEOUT);

      // Then nothing changed
      assertThat(points(bucket)).isEqualTo(points);
    }
  }

  @Test
  void anUnavailableInfluxDbIsRetriedWithBackoffUntilTheCandlesAreWritten() {
    // Given a sink that tries twice per delivery, and an InfluxDB that answers 503 three times
    String bucket = "castle_" + UUID.randomUUID().toString().replace("-", "");
    Influxd.createDatabase(bucket);
    try (InfluxV2Gateway influx = InfluxV2Gateway.start("t", "castle", Set.of(bucket))) {
      influx.failNext(3);
      startConnector(Map.of("influxdb.url", influx.url(), "influxdb.org", "castle", "influxdb.bucket", bucket,
          "influxdb.token", "t", "retry.max.attempts", "2", "retry.backoff.ms", "50", "retry.backoff.max.ms", "200"));

      // When candles arrive
      TestTopics.produce(candles, emissions());

      // Then the sink retries within the delivery, hands the batch back to Connect, and the
      // redelivery succeeds: everything is written, nothing is dead-lettered, the task still runs
      ConnectorProgress.awaitCaughtUp(connector, List.of(candles), TIMEOUT);
      assertThat(points(bucket)).hasSize(2).allSatisfy(p -> assertThat(p.get("version").asLong()).isEqualTo(3));
      assertThat(influx.writes()).isGreaterThanOrEqualTo(4);
      assertThat(worker.isRunning(connector)).isTrue();
      assertThat(TestTopics.count(deadLetters)).isZero();
    }
  }

  @Test
  void influxDbRefusalsAreDeadLetteredThroughTheV1Api() {
    // Given a database written through the InfluxDB 1 API, where a month ago the 'version' field held a
    // string (InfluxDB fixes a field's type per measurement and shard, and shards span a week)
    String database = "castle_" + UUID.randomUUID().toString().replace("-", "");
    Influxd.createDatabase(database);
    startConnector(Map.of("influxdb.url", Influxd.get().url(), "influxdb.api", "v1", "influxdb.bucket", database,
        "timestream.measurement", "candles"));
    long monthAgo = minute - 30 * 86_400_000L;
    write(database, "candles,interval=1m,symbol=ETHUSDT version=\"x\" " + monthAgo);

    // When a candle of that month arrives between good ones, and a candle with low above high
    Candle broken = Fixtures.candle(minute, 1, 30_000 * ONE, false);
    broken.setLow(broken.getHigh() + 1);
    Candle conflicting = Fixtures.candle(monthAgo + 60_000, 1, 30_000 * ONE, false);
    conflicting.setSymbol("ETHUSDT");
    TestTopics.produce(candles, List.of(Map.entry("BTCUSDT", Fixtures.candle(minute, 1, 30_000 * ONE, true)),
        Map.entry("ETHUSDT", conflicting), Map.entry("BTCUSDT", broken),
        Map.entry("BTCUSDT", Fixtures.candle(minute + 60_000, 1, 30_000 * ONE, true))));

    // Then InfluxDB's refusal and the broken candle are dead-lettered with their reasons
    List<ConsumerRecord<String, byte[]>> dead = TestTopics.awaitRecords(deadLetters, 2, TIMEOUT);
    assertThat(dead).extracting(DeadLetterAssert::reason)
        .anySatisfy(reason -> assertThat(reason).contains("InfluxDB 400").contains("field type conflict"))
        .anySatisfy(reason -> assertThat(reason).contains("low above high"));
    ConnectorProgress.awaitCaughtUp(connector, List.of(candles), TIMEOUT);
    assertThat(points(database)).filteredOn(p -> p.get("symbol").asText().equals("BTCUSDT")).hasSize(2);
    assertThat(worker.isRunning(connector)).isTrue();
  }

  @Test
  void liveAnalyticsKeepsTheFinalCandleAsAHigherVersionAndRejectsWhatItMust() {
    // Given a Timestream for LiveAnalytics table with a one-hour memory store
    try (FakeTimestreamWrite timestream = FakeTimestreamWrite.start()) {
      timestream.createTable("castle", "candles", Duration.ofHours(1));
      Map<String, String> settings = new HashMap<>(TestConnectors.standIn(timestream.url()));
      settings.put("timestream.target", "liveanalytics");
      startConnector(settings);

      // When 150 candles (more than one WriteRecords) arrive in three emissions each, and one from
      // yesterday that the memory store no longer takes
      List<Map.Entry<String, Candle>> records = new ArrayList<>();
      for (int version = 1; version <= 3; version++) {
        for (int i = 0; i < 50; i++) {
          records.add(Map.entry("BTCUSDT", Fixtures.candle(minute - i * 60_000L, version, (30_000 + version) * ONE, version == 3)));
        }
      }
      records.add(Map.entry("BTCUSDT", Fixtures.candle(minute - 86_400_000L, 1, 30_000 * ONE, true)));
      TestTopics.produce(candles, records);

      // Then each candle is stored once at its final version, no request exceeded 100 records, and
      // yesterday's candle is dead-lettered with Timestream's reason
      List<ConsumerRecord<String, byte[]>> dead = TestTopics.awaitRecords(deadLetters, 1, TIMEOUT);
      assertThat(DeadLetterAssert.reason(dead.get(0))).contains("outside the time range");
      ConnectorProgress.awaitCaughtUp(connector, List.of(candles), TIMEOUT);
      Map<String, FakeTimestreamWrite.Stored> stored = timestream.records("castle", "candles");
      assertThat(stored).hasSize(50);
      assertThat(stored.values()).allSatisfy(s -> {
        assertThat(s.version()).isEqualTo(3);
        assertThat(s.values()).containsEntry("closed", "BOOLEAN:true").containsEntry("close", "BIGINT:" + 30_003 * ONE);
      });
      assertThat(timestream.largestRequest()).isLessThanOrEqualTo(100);

      // When the sink replays everything after a crash: partial versions arrive after the final ones
      Crash.andReplayEverything(worker, connector);
      ConnectorProgress.awaitCaughtUp(connector, List.of(candles), TIMEOUT);

      // Then the stored candles are unchanged and only yesterday's candle is dead-lettered again
      assertThat(timestream.records("castle", "candles")).isEqualTo(stored);
      assertThat(TestTopics.awaitRecords(deadLetters, 2, TIMEOUT)).hasSize(2);
    }
  }

  private List<Map.Entry<String, Candle>> emissions() {
    List<Map.Entry<String, Candle>> records = new ArrayList<>();
    for (int version = 1; version <= 3; version++) {
      records.add(Map.entry("BTCUSDT", Fixtures.candle(minute, version, (30_000 + version * 100) * ONE, version == 3)));
      records.add(Map.entry("BTCUSDT", Fixtures.candle(minute + 60_000, version, 30_000 * ONE, version == 3)));
    }
    return records;
  }

  private void startConnector(Map<String, String> target) {
    TestConnectors.start(worker, Sink.TIMESTREAM, connector, List.of(candles), 1, deadLetters, target);
  }

  private static void write(String database, String line) {
    try {
      var http = java.net.http.HttpClient.newHttpClient();
      var response = http.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create(Influxd.get().url() + "/write?db=" + database + "&precision=ms"))
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(line)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(204);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<JsonNode> points(String database) {
    return Influxd.points(database, "candles");
  }
}
