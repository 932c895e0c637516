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
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

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
  public WriteResult write(List<OutgoingMessage> messages) throws RetriableWriteException, RejectedBatchException {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      OutgoingMessage m = messages.get(i);
      SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder()
          .id(Integer.toString(i)).messageBody(m.body()).messageAttributes(attributes(m));
      if (fifo) {
        entry.messageGroupId(Long.toString(m.accountId())).messageDeduplicationId(m.deduplicationId());
      }
      entries.add(entry.build());
    }
    SendMessageBatchResponse response;
    try {
      response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
    } catch (SdkException e) {
      throw AwsFailures.rethrow("SQS SendMessageBatch", e);
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
    sqs.close();
  }
}
