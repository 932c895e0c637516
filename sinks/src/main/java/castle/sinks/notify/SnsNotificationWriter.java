package castle.sinks.notify;

import castle.sinks.aws.AwsFailures;
import castle.sinks.core.RejectedBatchException;
import castle.sinks.core.RetriableWriteException;
import castle.sinks.core.WriteResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

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
  public WriteResult write(List<OutgoingMessage> messages) throws RetriableWriteException, RejectedBatchException {
    List<PublishBatchRequestEntry> entries = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      OutgoingMessage m = messages.get(i);
      PublishBatchRequestEntry.Builder entry = PublishBatchRequestEntry.builder()
          .id(Integer.toString(i)).message(m.body()).messageAttributes(attributes(m));
      if (fifo) {
        entry.messageGroupId(Long.toString(m.accountId())).messageDeduplicationId(m.deduplicationId());
      }
      entries.add(entry.build());
    }
    PublishBatchResponse response;
    try {
      response = sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(entries));
    } catch (SdkException e) {
      throw AwsFailures.rethrow("SNS PublishBatch", e);
    }
    return result(messages.size(), response.failed().stream()
        .map(f -> new FailedEntry(f.id(), Boolean.TRUE.equals(f.senderFault()), f.code(), f.message())).toList());
  }

  private static Map<String, MessageAttributeValue> attributes(OutgoingMessage m) {
    Map<String, MessageAttributeValue> attributes = new HashMap<>();
    m.stringAttributes().forEach((name, value) ->
        attributes.put(name, MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
    attributes.put("accountId",
        MessageAttributeValue.builder().dataType("Number").stringValue(Long.toString(m.accountId())).build());
    return attributes;
  }

  @Override
  public void close() {
    sns.close();
  }
}
