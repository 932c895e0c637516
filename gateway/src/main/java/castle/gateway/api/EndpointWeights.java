package castle.gateway.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * The request weight of each endpoint, as Binance counts it against the per-minute limit. Routes
 * register theirs when they are added; a weight may depend on the parameters (depth's grows with
 * its limit). Unregistered endpoints weigh 1.
 */
public final class EndpointWeights {

  private final Map<String, ToIntFunction<Params>> weights = new ConcurrentHashMap<>();

  /** Registers the weight of {@code method path}, for example {@code GET /api/v3/depth}. */
  public void register(String method, String path, ToIntFunction<Params> weight) {
    weights.put(method + " " + path, weight);
  }

  /** Registers a fixed weight. */
  public void register(String method, String path, int weight) {
    register(method, path, params -> weight);
  }

  /** The weight of a request to {@code method path} with these parameters. */
  public int weight(String method, String path, Params params) {
    ToIntFunction<Params> weight = weights.get(method + " " + path);
    return weight == null ? 1 : weight.applyAsInt(params);
  }
}
