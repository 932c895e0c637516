package castle.sinks.kit;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** An SQS endpoint seen from a test: FIFO queues, and reading every message once. */
public final class Queues {

  private final SqsClient sqs;

  /** A client of the SQS endpoint. */
  public Queues(String endpoint) {
    this.sqs = SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("castle", "castle")))
        .build();
  }

  /** Creates a FIFO queue without content-based deduplication and returns its URL. */
  public String createFifo(String name) {
    return sqs.createQueue(b -> b.queueName(name + ".fifo")
        .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
  }

  /** The queue's ARN. */
  public String arn(String queueUrl) {
    return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
  }

  /** Receives and deletes messages until {@code count} arrived, then checks for a second that no more come. */
  public List<Message> drain(String queueUrl, int count, Duration timeout) {
    List<Message> received = new ArrayList<>();
    Awaitility.await().atMost(timeout).until(() -> {
      received.addAll(receive(queueUrl));
      return received.size() >= count;
    });
    received.addAll(receive(queueUrl));
    return received;
  }

  private List<Message> receive(String queueUrl) {
    List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
        .messageAttributeNames("All")).messages();
    for (Message message : messages) {
      sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    }
    return messages;
  }
}
