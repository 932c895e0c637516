package castle.sinks.core;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where poison records go: Connect's errant-record reporter, which writes them to the connector's
 * dead-letter topic with the reason in {@code __connect.errors.*} headers. Without a dead-letter
 * setup ({@code errors.tolerance=none}) a poison record stops the task instead, so nothing is ever
 * dropped silently.
 */
final class DeadLetters {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private final ErrantRecordReporter reporter;
  private final SinkMetrics metrics;

  DeadLetters(ErrantRecordReporter reporter, SinkMetrics metrics) {
    this.reporter = reporter;
    this.metrics = metrics;
  }

  void report(SinkRecord record, Throwable reason) {
    String where = record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
    if (reporter == null) {
      throw new ConnectException("Cannot write record " + where + " and no dead-letter topic is configured: " + reason.getMessage(), reason);
    }
    LOG.warn("Dead-lettering record {}: {}", where, reason.getMessage());
    try {
      // Connect waits for reported records before committing offsets; waiting here as well keeps
      // the order of dead letters equal to the order of the input.
      reporter.report(record, reason).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectException("Interrupted while dead-lettering " + where, e);
    } catch (ExecutionException e) {
      throw new ConnectException("Cannot dead-letter record " + where, e.getCause());
    }
    metrics.deadLettered();
  }
}
