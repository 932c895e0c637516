package castle.matching.query;

import java.util.Optional;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

/**
 * The {@link QueryableStoreType} of {@link DepthStore}: across the local matching tasks, it reads
 * the one that owns the symbol.
 */
public final class DepthStoreType implements QueryableStoreType<ReadOnlyDepthStore> {

  /** The one instance. */
  public static final DepthStoreType INSTANCE = new DepthStoreType();

  private DepthStoreType() {}

  @Override
  public boolean accepts(StateStore store) {
    return store instanceof DepthStore;
  }

  @Override
  public ReadOnlyDepthStore create(StateStoreProvider provider, String storeName) {
    return (symbol, limit) -> {
      for (ReadOnlyDepthStore store : provider.stores(storeName, this)) {
        Optional<DepthSnapshot> snapshot = store.snapshot(symbol, limit);
        if (snapshot.isPresent()) {
          return snapshot;
        }
      }
      return Optional.empty();
    };
  }
}
