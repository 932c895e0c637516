package castle.gateway.market.feed;

import castle.gateway.market.ws.StreamHub;
import castle.schema.alerts.Notification;
import castle.schema.alerts.NotificationKind;
import castle.schema.wallet.LedgerEntry;
import castle.topics.Keys;
import castle.topics.Topics;
import castle.topology.TopicNames;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User data for authenticated connections, from the topics keyed by account: each record goes to
 * the connections of the account in its key and to no one else. Records of accounts without a
 * connection here are skipped undecoded. A batch's ledger entries of one account become one
 * {@code outboundAccountPosition} with each changed asset's latest balance. Notifications become
 * {@code alert} events, except order updates, which repeat an {@code executionReport}.
 */
final class UserFeed implements TopicTail.Listener {

  private static final Logger LOG = LoggerFactory.getLogger(UserFeed.class);

  private final StreamHub hub;
  private final UserEvents events = new UserEvents();
  private final String executionsTopic;
  private final String ledgerTopic;
  private final String notificationsTopic;

  UserFeed(StreamHub hub, TopicNames topics) {
    this.hub = hub;
    this.executionsTopic = topics.of(Topics.ORDER_EXECUTIONS);
    this.ledgerTopic = topics.of(Topics.WALLET_LEDGER);
    this.notificationsTopic = topics.of(Topics.NOTIFICATIONS);
  }

  List<String> topics() {
    return List.of(executionsTopic, ledgerTopic, notificationsTopic);
  }

  @Override
  public void onRecords(ConsumerRecords<String, byte[]> records, TopicTail.Lag lag) {
    long now = System.currentTimeMillis();
    Map<Long, Map<String, LedgerEntry>> positions = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      long account;
      try {
        account = Keys.accountId(record.key());
      } catch (NumberFormatException | NullPointerException e) {
        continue;
      }
      if (!hub.hasConnections(account)) {
        continue;
      }
      try {
        onRecord(record, account, positions, now);
      } catch (RuntimeException e) {
        LOG.warn("Skipping {} record at {}@{} for user data", record.topic(), record.partition(), record.offset(), e);
      }
    }
    positions.forEach((account, latest) -> hub.publishToAccount(account, events.accountPosition(latest.values(), now)));
  }

  private void onRecord(ConsumerRecord<String, byte[]> record, long account,
      Map<Long, Map<String, LedgerEntry>> positions, long now) {
    String topic = record.topic();
    if (topic.equals(executionsTopic)) {
      hub.publishToAccount(account,
          events.executionReport(Topics.ORDER_EXECUTIONS.valueSerde().decode(record.value()), now));
    } else if (topic.equals(ledgerTopic)) {
      LedgerEntry entry = Topics.WALLET_LEDGER.valueSerde().decode(record.value());
      positions.computeIfAbsent(account, a -> new HashMap<>()).put(entry.getAsset(), entry);
    } else if (topic.equals(notificationsTopic)) {
      Notification notification = Topics.NOTIFICATIONS.valueSerde().decode(record.value());
      // An order update says again what the connection's executionReport already said; it is for
      // people who are not connected (the SNS/SQS sink), and would double a busy trader's messages.
      if (notification.getKind() != NotificationKind.ORDER_UPDATE) {
        hub.publishToAccount(account, events.alert(notification, now));
      }
    }
  }

  @Override
  public void onTick(long now) {
    // User events go out as they arrive; nothing waits for a timer.
  }
}
