package castle.sinks.kit;

import castle.sinks.standins.ElasticMq;
import castle.sinks.standins.InfluxV2Gateway;
import castle.sinks.standins.Influxd;
import castle.sinks.standins.NodeStandIns;
import castle.sinks.standins.SharedPostgres;
import castle.sinks.worker.Sink;
import castle.sinks.worker.SinkStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * All of Castle's sinks on their local stand-ins, behind any broker: a fresh PostgreSQL database, a
 * DynamoDB table in dynalite, an InfluxDB bucket behind the v2 write API, and a FIFO SQS queue in
 * ElasticMQ. An end-to-end test starts it against the broker its pipeline writes to (the sinks read
 * the real topic names), then reads every store through it.
 */
public final class SinkHarness implements AutoCloseable {

  private static final String TOKEN = "harness-token";

  private final SinkStack stack;
  private final InfluxV2Gateway influx;
  private final Db db;
  private final DynamoDbClient dynamo;
  private final String table;
  private final String bucket;
  private final Queues queues;
  private final String queue;

  private SinkHarness(SinkStack stack, InfluxV2Gateway influx, Db db, DynamoDbClient dynamo, String table,
      String bucket, Queues queues, String queue) {
    this.stack = stack;
    this.influx = influx;
    this.db = db;
    this.dynamo = dynamo;
    this.table = table;
    this.bucket = bucket;
    this.queues = queues;
    this.queue = queue;
  }

  /** Starts the stand-ins and all four sinks against {@code bootstrapServers}. */
  public static SinkHarness start(String bootstrapServers) {
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String jdbcUrl = SharedPostgres.newDatabase("e2e");
    String bucket = "castle_" + id;
    Influxd.createDatabase(bucket);
    InfluxV2Gateway influx = InfluxV2Gateway.start(TOKEN, "castle", Set.of(bucket));
    Queues queues = new Queues(ElasticMq.url());
    String queue = queues.createFifo("notifications-" + id);
    String table = "trade-history-" + id;
    String dynalite = NodeStandIns.dynalite().url();

    Map<Sink, Map<String, String>> sinks = new EnumMap<>(Sink.class);
    sinks.put(Sink.JDBC, Map.of("jdbc.url", jdbcUrl, "jdbc.user", "postgres"));
    sinks.put(Sink.DYNAMODB, with(TestConnectors.standIn(dynalite), Map.of("dynamodb.table", table, "dynamodb.table.create", "true")));
    sinks.put(Sink.TIMESTREAM, Map.of("influxdb.url", influx.url(), "influxdb.org", "castle",
        "influxdb.bucket", bucket, "influxdb.token", TOKEN));
    sinks.put(Sink.NOTIFICATIONS, with(TestConnectors.standIn(ElasticMq.url()), Map.of("notify.target", "sqs", "sqs.queue.url", queue)));
    try {
      // Tests wait on committed offsets, after replays too: commit them often.
      SinkStack stack = SinkStack.start(new SinkStack.Options(Map.of("bootstrap.servers", bootstrapServers),
          Files.createTempDirectory("castle-sinks-"), "http://127.0.0.1:0", sinks, 1,
          Map.of("offset.flush.interval.ms", "500")));
      DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create(dynalite)).region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("castle", "castle"))).build();
      return new SinkHarness(stack, influx, new Db(jdbcUrl), dynamo, table, bucket, queues, queue);
    } catch (IOException e) {
      influx.close();
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> with(Map<String, String> base, Map<String, String> settings) {
    Map<String, String> all = new java.util.HashMap<>(base);
    all.putAll(settings);
    return all;
  }

  /** The running sinks. */
  public SinkStack stack() {
    return stack;
  }

  /** Waits until every sink has written every committed record of its topics. */
  public void awaitCaughtUp(Duration timeout) {
    for (Sink sink : Sink.values()) {
      ConnectorProgress.awaitCaughtUp(stack.connectorName(sink), sink.topics(), timeout);
    }
  }

  /** The PostgreSQL database the JDBC sink writes to. */
  public Db postgres() {
    return db;
  }

  /** Every item of the DynamoDB trade history. */
  public List<Map<String, AttributeValue>> tradeHistory() {
    return dynamo.scanPaginator(b -> b.tableName(table)).items().stream().toList();
  }

  /** Every candle point in InfluxDB. */
  public List<JsonNode> candlePoints() {
    return Influxd.points(bucket, "candles");
  }

  /** Receives (and deletes) the notifications delivered to SQS, waiting for at least {@code count}. */
  public List<Message> notifications(int count, Duration timeout) {
    return queues.drain(queue, count, timeout);
  }

  @Override
  public void close() {
    stack.close();
    influx.close();
    dynamo.close();
  }
}
