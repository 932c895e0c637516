package castle.sinks.kit;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads Connect's dead-letter context headers. */
public final class DeadLetterAssert {

  private DeadLetterAssert() {}

  /** The value of a {@code __connect.errors.*} header, or null. */
  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader("__connect.errors." + name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** The reason Connect recorded: the exception message. */
  public static String reason(ConsumerRecord<?, ?> record) {
    return header(record, "exception.message");
  }
}
