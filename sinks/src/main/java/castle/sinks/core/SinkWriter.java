package castle.sinks.core;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The store-specific half of a Castle sink: turns records into items and writes them in batches. The
 * other half, {@link CastleSinkTask}, handles batching, retries, dead letters and metrics alike for
 * every store.
 *
 * @param <W> what one record becomes in the store (a row, an item, a line)
 */
public interface SinkWriter<W> extends AutoCloseable {

  /**
   * The item a record becomes, or empty when the store has nothing to keep of it.
   *
   * @throws PoisonRecordException when the record can never be written
   */
  Optional<W> prepare(SinkRecord record);

  /** The most items one {@link #write} call may take. */
  int maxBatchSize();

  /**
   * Writes items idempotently: writing the same items again changes nothing.
   *
   * @throws RetriableWriteException when a later attempt may succeed
   * @throws RejectedBatchException when the store refused the batch without naming the bad items
   */
  WriteResult write(List<W> items) throws RetriableWriteException, RejectedBatchException;

  @Override
  void close();
}
