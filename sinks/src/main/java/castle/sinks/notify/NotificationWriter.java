package castle.sinks.notify;

import castle.schema.alerts.Notification;
import castle.sinks.aws.AwsFailures;
import castle.sinks.core.PoisonRecordException;
import castle.sinks.core.RecordValues;
import castle.sinks.core.RejectedBatchException;
import castle.sinks.core.RetriableWriteException;
import castle.sinks.core.SinkWriter;
import castle.sinks.core.WriteResult;
import castle.sinks.core.WriteResult.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.sink.SinkRecord;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What SNS and SQS delivery share: notifications become messages, sent ten to a batch call. Both
 * services answer a batch entry by entry; an entry refused through the sender's fault is poison, any
 * other failure sends the batch again, which a FIFO target de-duplicates by notification id.
 */
abstract class NotificationWriter implements SinkWriter<OutgoingMessage> {

  /** SNS and SQS take messages of at most 256 KiB. */
  private static final int MAX_MESSAGE_BYTES = 256 * 1024;

  /** A failed batch entry as the service reports it. */
  protected record FailedEntry(String id, boolean senderFault, String code, String message) {}

  protected final boolean fifo;

  NotificationWriter(boolean fifo) {
    this.fifo = fifo;
  }

  @Override
  public Optional<OutgoingMessage> prepare(SinkRecord record) {
    Notification notification = RecordValues.valueOf(record, Notification.class);
    if (notification.getNotificationId().isBlank()) {
      throw new PoisonRecordException("A notification needs a notificationId to be delivered once");
    }
    OutgoingMessage message = OutgoingMessage.of(notification);
    if (message.body().getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
      throw new PoisonRecordException("Notification " + notification.getNotificationId() + " is over 256 KiB");
    }
    return Optional.of(message);
  }

  @Override
  public int maxBatchSize() {
    return NotificationSinkConfig.BATCH_LIMIT;
  }

  /** The service call, for messages: {@code SNS PublishBatch}. */
  protected abstract String call();

  /**
   * Sends one batch, each entry's id being its index in {@code messages}, and returns the failed
   * entries; the FIFO fields are set when {@link #fifo}.
   */
  protected abstract List<FailedEntry> send(List<OutgoingMessage> messages);

  @Override
  public WriteResult write(List<OutgoingMessage> messages) throws RetriableWriteException, RejectedBatchException {
    try {
      return result(messages.size(), send(messages));
    } catch (SdkException e) {
      throw AwsFailures.rethrow(call(), e);
    }
  }

  private static WriteResult result(int sent, List<FailedEntry> failed) throws RetriableWriteException {
    List<Rejection> rejections = new ArrayList<>();
    for (FailedEntry entry : failed) {
      String reason = entry.code() + ": " + entry.message();
      if (!entry.senderFault()) {
        throw new RetriableWriteException("Delivery of a batch entry failed, to be sent again: " + reason);
      }
      rejections.add(new Rejection(Integer.parseInt(entry.id()), reason));
    }
    return new WriteResult(sent - rejections.size(), 0, rejections);
  }
}
