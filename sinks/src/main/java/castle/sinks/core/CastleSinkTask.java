package castle.sinks.core;

import castle.sinks.core.WriteResult.Rejection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part every Castle sink task shares. Each delivery from Connect is cut into batches of at most
 * {@code batch.max.size} items and written through the store's {@link SinkWriter}:
 *
 * <ul>
 *   <li>a poison record (one the writer cannot map, or the store refuses for good) goes to the
 *       dead-letter topic with its reason, and the rest are written;
 *   <li>a batch the store refuses without naming the culprit is split in halves until the poison
 *       records are isolated, which is safe because writes are idempotent;
 *   <li>a transient failure is retried with backoff, then handed back to Connect for redelivery.
 * </ul>
 *
 * @param <W> what one record becomes in the store
 */
public abstract class CastleSinkTask<W> extends SinkTask {

  private static final Logger LOG = LoggerFactory.getLogger(CastleSinkTask.class);

  private record Pending<W>(SinkRecord record, W item) {}

  private SinkSettings settings;
  private SinkWriter<W> writer;
  private SinkMetrics metrics;
  private DeadLetters deadLetters;

  /** The connector's configuration definition, to parse this task's properties. */
  protected abstract ConfigDef configDef();

  /** Opens the store's writer from the parsed configuration. */
  protected abstract SinkWriter<W> openWriter(AbstractConfig config);

  @Override
  public String version() {
    return CastleSinkConnector.VERSION;
  }

  @Override
  public void start(Map<String, String> props) {
    AbstractConfig config = SinkSettings.parse(configDef(), props);
    settings = SinkSettings.from(config);
    metrics = metrics();
    deadLetters = new DeadLetters(context.errantRecordReporter(), metrics);
    writer = openWriter(config);
  }

  private SinkMetrics metrics() {
    try {
      return new SinkMetrics(context.pluginMetrics());
    } catch (LinkageError | UnsupportedOperationException olderRuntime) {
      // Plugin metrics came with Kafka 4.1 (KIP-877); MSK Connect runs Connect 3.7. The worker's own
      // sink-task metrics (records read, put time, offsets) still apply there.
      LOG.info("This Connect runtime offers no plugin metrics; Castle's sink metrics are off");
      return new SinkMetrics(null);
    }
  }

  @Override
  public void put(Collection<SinkRecord> records) {
    List<Pending<W>> pending = new ArrayList<>(records.size());
    for (SinkRecord record : records) {
      try {
        Optional<W> item = writer.prepare(record);
        if (item.isPresent()) {
          pending.add(new Pending<>(record, item.get()));
        } else {
          metrics.skipped();
        }
      } catch (PoisonRecordException e) {
        deadLetters.report(record, e);
      }
    }
    int batchSize = Math.min(settings.batchMaxSize(), writer.maxBatchSize());
    for (int from = 0; from < pending.size(); from += batchSize) {
      writeIsolatingPoison(pending.subList(from, Math.min(pending.size(), from + batchSize)));
    }
  }

  private void writeIsolatingPoison(List<Pending<W>> batch) {
    try {
      WriteResult result = writeWithRetries(batch);
      metrics.written(result.applied());
      metrics.unchanged(result.unchanged());
      for (Rejection rejection : result.rejections()) {
        deadLetters.report(batch.get(rejection.index()).record(), new PoisonRecordException(rejection.reason()));
      }
    } catch (RejectedBatchException e) {
      if (batch.size() == 1) {
        deadLetters.report(batch.get(0).record(), new PoisonRecordException(e.getMessage(), e));
        return;
      }
      LOG.info("A batch of {} was refused ({}); splitting it to find the poison records", batch.size(), e.getMessage());
      int half = batch.size() / 2;
      writeIsolatingPoison(batch.subList(0, half));
      writeIsolatingPoison(batch.subList(half, batch.size()));
    }
  }

  private WriteResult writeWithRetries(List<Pending<W>> batch) throws RejectedBatchException {
    List<W> items = batch.stream().map(Pending::item).toList();
    for (int attempt = 0; ; attempt++) {
      long begin = System.nanoTime();
      try {
        WriteResult result = writer.write(items);
        metrics.batchWritten((System.nanoTime() - begin) / 1_000_000);
        return result;
      } catch (RetriableWriteException e) {
        if (attempt + 1 >= settings.maxAttempts()) {
          long pause = settings.backoff().maxMs();
          LOG.warn("Write still failing after {} attempts ({}); Connect redelivers the batch in {} ms",
              attempt + 1, e.getMessage(), pause);
          context.timeout(pause);
          throw new RetriableException("Transient write failure: " + e.getMessage(), e);
        }
        metrics.retried();
        sleep(settings.backoff().delayMs(attempt));
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetriableException("Interrupted while backing off", e);
    }
  }

  @Override
  public void stop() {
    if (writer != null) {
      writer.close();
    }
  }
}
