package castle.iq;

import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * A named read of one Streams app's state. A keyed query is answered by the instance that owns the
 * key in {@link #store()}; a fan-out query (key null) by every instance, each over the partitions it
 * owns. Results are plain Java records, because they travel as JSON between instances.
 *
 * @param <R> the result type
 */
public interface StoreQuery<R> {

  /** Unique, URL-safe name, such as {@code accounts.balances}. */
  String name();

  /** The Streams app whose state it reads (its {@code StreamsApp} name). */
  String application();

  /** The store whose key metadata decides which instance answers. */
  String store();

  /** The result class, for decoding a forwarded answer. */
  Class<R> resultType();

  /**
   * Runs the query on this instance's local stores.
   *
   * @param key the key, or null for a fan-out query
   * @param params further parameters (paging, filters); bad ones throw IllegalArgumentException
   * @throws org.apache.kafka.streams.errors.InvalidStateStoreException while the store migrates
   */
  R run(KafkaStreams streams, String key, Map<String, String> params);
}
