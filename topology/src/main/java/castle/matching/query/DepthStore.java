package castle.matching.query;

import castle.matching.book.OrderBook;
import castle.schema.market.DepthUpdate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;

/**
 * The aggregated depth of the symbols one matching task owns, for interactive queries. It is derived
 * state: in memory, without a changelog, rebuilt from the restored books when the task starts and
 * then kept current by applying each command's depth update. Readers on other threads get
 * consistent snapshots (see {@link SymbolDepth}).
 */
public final class DepthStore implements StateStore, ReadOnlyDepthStore {

  private final String name;
  private final Map<String, SymbolDepth> symbols = new ConcurrentHashMap<>();
  private volatile boolean open;

  /** A store with this name. */
  public DepthStore(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    // Nothing to restore: the processor rebuilds the view from the restored books.
    context.register(root, (key, value) -> { });
    symbols.clear();
    open = true;
  }

  @Override
  public void close() {
    open = false;
    symbols.clear();
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  /** Replaces a symbol's view with the book's current levels. Stream thread only. */
  public void reset(String symbol, long lastUpdateId, int baseScale, int quoteScale, OrderBook book) {
    symbols.computeIfAbsent(symbol, SymbolDepth::new)
        .reset(lastUpdateId, baseScale, quoteScale, levels(book, true), levels(book, false));
  }

  /** Applies one command's depth update. Stream thread only. */
  public void apply(DepthUpdate update) {
    symbols.computeIfAbsent(update.getSymbol(), SymbolDepth::new).apply(update);
  }

  /** Records a symbol's scales when its configuration arrives. Stream thread only. */
  public void scales(String symbol, int baseScale, int quoteScale) {
    symbols.computeIfAbsent(symbol, SymbolDepth::new).scales(baseScale, quoteScale);
  }

  @Override
  public Optional<DepthSnapshot> snapshot(String symbol, int limit) {
    SymbolDepth depth = symbols.get(symbol);
    return depth == null ? Optional.empty() : Optional.of(depth.snapshot(limit));
  }

  private static long[][] levels(OrderBook book, boolean buy) {
    int max = book.size();
    long[] prices = new long[max];
    long[] quantities = new long[max];
    int n = book.levels(buy, max, prices, quantities);
    return new long[][] {Arrays.copyOf(prices, n), Arrays.copyOf(quantities, n)};
  }
}
