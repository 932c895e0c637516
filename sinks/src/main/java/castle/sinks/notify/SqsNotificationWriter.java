package castle.sinks.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Sends notifications straight to an SQS queue with SendMessageBatch. */
final class SqsNotificationWriter extends NotificationWriter {

  private final SqsClient sqs;
  private final String queueUrl;

  SqsNotificationWriter(SqsClient sqs, String queueUrl) {
    super(OutgoingMessage.isFifo(queueUrl));
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  protected String call() {
    return "SQS SendMessageBatch";
  }

  @Override
  protected List<FailedEntry> send(List<OutgoingMessage> messages) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      OutgoingMessage m = messages.get(i);
      SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder()
          .id(Integer.toString(i)).messageBody(m.body()).messageAttributes(attributes(m));
      if (fifo) {
        entry.messageGroupId(m.groupId()).messageDeduplicationId(m.deduplicationId());
      }
      entries.add(entry.build());
    }
    return sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries)).failed().stream()
        .map(f -> new FailedEntry(f.id(), Boolean.TRUE.equals(f.senderFault()), f.code(), f.message()))
        .toList();
  }

  private static Map<String, MessageAttributeValue> attributes(OutgoingMessage m) {
    return m.attributes().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        a -> MessageAttributeValue.builder().dataType(a.getValue().dataType()).stringValue(a.getValue().value()).build()));
  }

  @Override
  public void close() {
    sqs.close();
  }
}
