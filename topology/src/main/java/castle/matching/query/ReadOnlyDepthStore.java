package castle.matching.query;

import java.util.Optional;

/** What interactive queries can read from matching's depth store. */
public interface ReadOnlyDepthStore {

  /**
   * The top {@code limit} levels of each side of {@code symbol}'s book with their lastUpdateId, or
   * empty when this instance holds no such symbol.
   */
  Optional<DepthSnapshot> snapshot(String symbol, int limit);
}
