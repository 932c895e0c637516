package castle.iq;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers store queries in a process that runs Streams apps. It asks Kafka Streams which instance
 * owns a key ({@code queryMetadataForKey}, fed by each instance's {@code application.server}), runs
 * the query here when that is this instance and forwards it over HTTP otherwise. It never assumes a
 * single instance.
 *
 * <p>While a rebalance moves state, ownership is unknown or the store is closed: the router retries
 * with backoff for up to its retry budget, then throws {@link StoreUnavailableException} instead of
 * answering from the wrong or an empty store.
 */
public final class QueryRouter implements StoreQueries {

  private static final Serializer<String> KEYS = new StringSerializer();

  private final Map<String, KafkaStreams> apps;
  private final HostInfo self;
  private final QueryForwarder forwarder;
  private final Duration retryBudget;

  /**
   * A router over this process's apps.
   *
   * @param apps KafkaStreams instances by app name
   * @param self this instance's {@code application.server}
   * @param internalToken the shared secret instances present to each other
   * @param retryBudget how long to keep retrying while state moves
   */
  public QueryRouter(
      Map<String, KafkaStreams> apps, HostInfo self, String internalToken, ObjectMapper json, Duration retryBudget) {
    this.apps = Map.copyOf(apps);
    this.self = self;
    this.forwarder = new QueryForwarder(json, internalToken);
    this.retryBudget = retryBudget;
  }

  @Override
  public <R> R byKey(StoreQuery<R> query, String key, Map<String, String> params) {
    return Retry.within(retryBudget, () -> {
      HostInfo owner = owner(query, key);
      return owner.equals(self)
          ? runLocally(query, key, params)
          : forwarder.ask(url(owner), query, key, params, QueryForwarder.MODE_LOCAL);
    });
  }

  @Override
  public <R> List<R> fromAll(StoreQuery<R> query, Map<String, String> params) {
    return Retry.within(retryBudget, () -> {
      Collection<StreamsMetadata> instances = streams(query).streamsMetadataForStore(query.store());
      if (instances.isEmpty()) {
        throw new StoreUnavailableException(query.application() + " has no instance serving " + query.store() + " yet");
      }
      List<R> answers = new ArrayList<>();
      for (StreamsMetadata instance : instances) {
        HostInfo host = instance.hostInfo();
        answers.add(
            host.equals(self)
                ? runLocally(query, null, params)
                : forwarder.ask(url(host), query, null, params, QueryForwarder.MODE_LOCAL));
      }
      return answers;
    });
  }

  /** Runs a forwarded query here, refusing when this instance does not own the key (any more). */
  <R> R answerForwarded(StoreQuery<R> query, String key, Map<String, String> params) {
    if (key != null && !owner(query, key).equals(self)) {
      throw new StoreUnavailableException("this instance no longer owns " + key + " in " + query.store());
    }
    return runLocally(query, key, params);
  }

  private <R> R runLocally(StoreQuery<R> query, String key, Map<String, String> params) {
    KafkaStreams streams = streams(query);
    if (streams.state() != KafkaStreams.State.RUNNING) {
      throw new StoreUnavailableException(query.application() + " is " + streams.state());
    }
    try {
      return query.run(streams, key, params);
    } catch (InvalidStateStoreException e) {
      throw new StoreUnavailableException(query.store() + " is not queryable here yet: " + e.getMessage());
    }
  }

  private HostInfo owner(StoreQuery<?> query, String key) {
    KeyQueryMetadata metadata;
    try {
      metadata = streams(query).queryMetadataForKey(query.store(), key, KEYS);
    } catch (StreamsException | IllegalStateException e) {
      throw new StoreUnavailableException(query.application() + " cannot locate " + key + ": " + e.getMessage());
    }
    if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
      throw new StoreUnavailableException(query.application() + " does not know who owns " + key + " yet");
    }
    return metadata.activeHost();
  }

  private KafkaStreams streams(StoreQuery<?> query) {
    KafkaStreams streams = apps.get(query.application());
    if (streams == null) {
      throw new IllegalStateException("No Streams app named " + query.application() + " runs here");
    }
    return streams;
  }

  private static String url(HostInfo host) {
    return "http://" + host.host() + ":" + host.port();
  }
}
