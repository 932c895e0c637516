package castle.sinks.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;

/** Publishes notifications to an SNS topic with PublishBatch. */
final class SnsNotificationWriter extends NotificationWriter {

  private final SnsClient sns;
  private final String topicArn;

  SnsNotificationWriter(SnsClient sns, String topicArn) {
    super(OutgoingMessage.isFifo(topicArn));
    this.sns = sns;
    this.topicArn = topicArn;
  }

  @Override
  protected String call() {
    return "SNS PublishBatch";
  }

  @Override
  protected List<FailedEntry> send(List<OutgoingMessage> messages) {
    List<PublishBatchRequestEntry> entries = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      OutgoingMessage m = messages.get(i);
      PublishBatchRequestEntry.Builder entry = PublishBatchRequestEntry.builder()
          .id(Integer.toString(i)).message(m.body()).messageAttributes(attributes(m));
      if (fifo) {
        entry.messageGroupId(m.groupId()).messageDeduplicationId(m.deduplicationId());
      }
      entries.add(entry.build());
    }
    return sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(entries)).failed().stream()
        .map(f -> new FailedEntry(f.id(), Boolean.TRUE.equals(f.senderFault()), f.code(), f.message()))
        .toList();
  }

  private static Map<String, MessageAttributeValue> attributes(OutgoingMessage m) {
    return m.attributes().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        a -> MessageAttributeValue.builder().dataType(a.getValue().dataType()).stringValue(a.getValue().value()).build()));
  }

  @Override
  public void close() {
    sns.close();
  }
}
