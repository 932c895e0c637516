package castle.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;

import castle.schema.alerts.Notification;
import castle.sinks.kit.ConnectorProgress;
import castle.sinks.kit.Crash;
import castle.sinks.kit.DeadLetterAssert;
import castle.sinks.kit.Fixtures;
import castle.sinks.kit.Queues;
import castle.sinks.kit.SharedWorker;
import castle.sinks.kit.TestConnectors;
import castle.sinks.kit.TestTopics;
import castle.sinks.standins.ElasticMq;
import castle.sinks.standins.NodeStandIns;
import castle.sinks.worker.ConnectWorker;
import castle.sinks.worker.Sink;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The notification sink in a real Connect worker: SQS (ElasticMQ) and SNS (fauxqs), FIFO, exactly once. */
@ExtendWith(SharedWorker.DeleteConnectorsAfterAll.class)
class NotificationSinkTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ConnectWorker worker = SharedWorker.get();
  private final String notifications = TestTopics.unique("notifications");
  private final String deadLetters = TestTopics.unique("dead-letters");
  private final String connector = "notifications-" + UUID.randomUUID();
  private final String name = "alerts-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void sqsGetsEachNotificationOnceWithItsAttributesEvenAfterAReplay() throws Exception {
    // Given a FIFO queue and a sink sending to it
    Queues sqs = new Queues(ElasticMq.url());
    String queue = sqs.createFifo(name);
    startConnector(ElasticMq.url(), Map.of("notify.target", "sqs", "sqs.queue.url", queue));

    // When 25 alerts fire for three accounts, among a poison record
    TestTopics.produce(notifications, alerts(25));
    TestTopics.produceRaw(notifications, List.of(Map.entry("1", "garbage".getBytes(StandardCharsets.UTF_8))));

    // Then each arrives once, with its attributes and its JSON body
    List<Message> received = sqs.drain(queue, 25, TIMEOUT);
    assertThat(received).extracting(m -> m.messageAttributes().get("notificationId").stringValue())
        .doesNotHaveDuplicates().hasSize(25);
    Message first = received.stream()
        .filter(m -> m.messageAttributes().get("notificationId").stringValue().equals("n-1")).findFirst().orElseThrow();
    assertThat(first.messageAttributes().get("kind").stringValue()).isEqualTo("PRICE_ALERT");
    assertThat(first.messageAttributes().get("accountId").stringValue()).isEqualTo("2");
    assertThat(first.messageAttributes().get("accountId").dataType()).isEqualTo("Number");
    assertThat(first.messageAttributes().get("alertId").stringValue()).isEqualTo("a-n-1");
    assertThat(JSON.readTree(first.body()).path("title").asText()).isEqualTo("BTCUSDT crossed 30000.00000000");
    List<ConsumerRecord<String, byte[]>> dead = TestTopics.awaitRecords(deadLetters, 1, TIMEOUT);
    assertThat(DeadLetterAssert.reason(dead.get(0))).contains("Not a Castle record");

    // When the sink crashes before committing and sends everything again
    ConnectorProgress.awaitCaughtUp(connector, List.of(notifications), TIMEOUT);
    Crash.andReplayEverything(worker, connector);
    ConnectorProgress.awaitCaughtUp(connector, List.of(notifications), TIMEOUT);

    // Then everything was delivered again (the poison record is dead-lettered a second time), yet the
    // queue's deduplication keeps anyone from being notified twice
    assertThat(TestTopics.awaitRecords(deadLetters, 2, TIMEOUT)).hasSize(2);
    assertThat(sqs.drain(queue, 0, TIMEOUT)).isEmpty();
  }

  @Test
  void snsFansOutEachNotificationOnceToSubscribersFilteringOnAttributes() throws Exception {
    // Given a FIFO topic with one queue subscribed to price alerts and another to order fills
    String fauxqs = NodeStandIns.fauxqs().url();
    Queues sqs = new Queues(fauxqs);
    String alertsQueue = sqs.createFifo(name);
    String fillsQueue = sqs.createFifo(name + "-fills");
    SnsClient sns = SnsClient.builder().endpointOverride(URI.create(fauxqs)).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("castle", "castle"))).build();
    String topic = sns.createTopic(b -> b.name(name + ".fifo").attributes(Map.of("FifoTopic", "true"))).topicArn();
    subscribe(sns, topic, sqs.arn(alertsQueue), "{\"kind\":[\"PRICE_ALERT\"]}");
    subscribe(sns, topic, sqs.arn(fillsQueue), "{\"kind\":[\"ORDER_UPDATE\"],\"status\":[\"PARTIALLY_FILLED\",\"FILLED\"]}");
    startConnector(fauxqs, Map.of("notify.target", "sns", "sns.topic.arn", topic));

    // When 12 alerts fire, an order fills and another is canceled
    List<Map.Entry<String, Notification>> records = alerts(12);
    records.add(Map.entry("3", Fixtures.orderUpdate("exec-BTCUSDT-4", 3, 1_732_600_000_000L)));
    Notification canceled = Fixtures.orderUpdate("exec-BTCUSDT-5", 3, 1_732_600_001_000L);
    Map<String, String> attributes = new HashMap<>(canceled.getAttributes());
    attributes.put("executionType", "CANCELED");
    attributes.put("status", "CANCELED");
    canceled.setAttributes(attributes);
    records.add(Map.entry("3", canceled));
    TestTopics.produce(notifications, records);

    // Then each queue gets what it filtered on, once: every price alert, and the fill but not the cancel
    List<Message> alerts = sqs.drain(alertsQueue, 12, TIMEOUT);
    assertThat(alerts).hasSize(12)
        .allSatisfy(m -> assertThat(m.messageAttributes().get("kind").stringValue()).isEqualTo("PRICE_ALERT"))
        .extracting(m -> m.messageAttributes().get("notificationId").stringValue()).doesNotHaveDuplicates();
    assertThat(sqs.drain(fillsQueue, 1, TIMEOUT)).singleElement().satisfies(m -> {
      assertThat(m.messageAttributes().get("notificationId").stringValue()).isEqualTo("exec-BTCUSDT-4");
      assertThat(m.messageAttributes().get("status").stringValue()).isEqualTo("PARTIALLY_FILLED");
      assertThat(JSON.readTree(m.body()).path("attributes").path("lastQty").asText()).isEqualTo("0.20000000");
    });

    // When the sink replays everything after a crash
    ConnectorProgress.awaitCaughtUp(connector, List.of(notifications), TIMEOUT);
    Crash.andReplayEverything(worker, connector);
    ConnectorProgress.awaitCaughtUp(connector, List.of(notifications), TIMEOUT);

    // Then nobody is notified twice
    assertThat(sqs.drain(alertsQueue, 0, TIMEOUT)).isEmpty();
    assertThat(sqs.drain(fillsQueue, 0, TIMEOUT)).isEmpty();
  }

  private static void subscribe(SnsClient sns, String topic, String queueArn, String filterPolicy) {
    sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn)
        .attributes(Map.of("RawMessageDelivery", "true", "FilterPolicy", filterPolicy)));
  }

  private static List<Map.Entry<String, Notification>> alerts(int count) {
    List<Map.Entry<String, Notification>> records = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      long account = 1 + i % 3;
      records.add(Map.entry(Long.toString(account), Fixtures.alert("n-" + i, account, 1_732_600_000_000L + i)));
    }
    return records;
  }

  private void startConnector(String endpoint, Map<String, String> target) {
    Map<String, String> settings = new HashMap<>(TestConnectors.standIn(endpoint));
    settings.putAll(target);
    TestConnectors.start(worker, Sink.NOTIFICATIONS, connector, List.of(notifications), 2, deadLetters, settings);
  }
}
