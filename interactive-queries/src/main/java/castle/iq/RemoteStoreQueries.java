package castle.iq;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Store queries for a gateway that runs no Streams apps: it asks any instance of the streams
 * deployment (a Kubernetes service URL), which routes to the owner. Answers 503 the same way while
 * the streams deployment rebalances.
 */
public final class RemoteStoreQueries implements StoreQueries {

  private final String streamsServiceUrl;
  private final QueryForwarder forwarder;
  private final Duration retryBudget;

  /**
   * @param streamsServiceUrl base URL of any streams instance, such as {@code http://castle-streams:8080}
   * @param internalToken the shared secret of the internal routes
   * @param retryBudget how long to keep retrying while the streams deployment rebalances
   */
  public RemoteStoreQueries(String streamsServiceUrl, String internalToken, ObjectMapper json, Duration retryBudget) {
    this.streamsServiceUrl = streamsServiceUrl;
    this.forwarder = new QueryForwarder(json, internalToken);
    this.retryBudget = retryBudget;
  }

  @Override
  public <R> R byKey(StoreQuery<R> query, String key, Map<String, String> params) {
    return Retry.within(retryBudget, () -> forwarder.ask(streamsServiceUrl, query, key, params, QueryForwarder.MODE_ROUTE));
  }

  @Override
  public <R> List<R> fromAll(StoreQuery<R> query, Map<String, String> params) {
    Supplier<List<R>> attempt = () -> forwarder.askAll(streamsServiceUrl, query, params);
    return Retry.within(retryBudget, attempt);
  }
}
