package castle.matching.query;

import java.util.Map;
import org.apache.kafka.streams.state.StoreBuilder;

/** Builds the {@link DepthStore}: always in memory, never cached or logged (it is derived state). */
public final class DepthStoreBuilder implements StoreBuilder<DepthStore> {

  private final String name;

  /** A builder of the store named {@code name}. */
  public DepthStoreBuilder(String name) {
    this.name = name;
  }

  @Override
  public StoreBuilder<DepthStore> withCachingEnabled() {
    return this;
  }

  @Override
  public StoreBuilder<DepthStore> withCachingDisabled() {
    return this;
  }

  @Override
  public StoreBuilder<DepthStore> withLoggingEnabled(Map<String, String> config) {
    throw new UnsupportedOperationException("The depth store is rebuilt from the books and has no changelog");
  }

  @Override
  public StoreBuilder<DepthStore> withLoggingDisabled() {
    return this;
  }

  @Override
  public DepthStore build() {
    return new DepthStore(name);
  }

  @Override
  public Map<String, String> logConfig() {
    return Map.of();
  }

  @Override
  public boolean loggingEnabled() {
    return false;
  }

  @Override
  public String name() {
    return name;
  }
}
