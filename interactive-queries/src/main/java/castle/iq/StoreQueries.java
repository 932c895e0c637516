package castle.iq;

import java.util.List;
import java.util.Map;

/**
 * How the gateway reads Streams state, wherever it lives: in this process ({@link QueryRouter}) or
 * in a separate streams deployment ({@link RemoteStoreQueries}).
 */
public interface StoreQueries {

  /** The answer of the instance that owns {@code key}. */
  <R> R byKey(StoreQuery<R> query, String key, Map<String, String> params);

  /** One answer per instance of the query's app, each over the partitions it owns. */
  <R> List<R> fromAll(StoreQuery<R> query, Map<String, String> params);
}
