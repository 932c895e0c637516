package castle.gateway.binance.symbols;

import castle.gateway.api.ApiException;
import castle.gateway.binance.cache.CompactedTopicCache;
import castle.schema.reference.SymbolConfig;
import java.util.Comparator;
import java.util.List;

/**
 * The markets the gateway knows, from its own copy of the compacted {@code symbols} topic. Request
 * handlers ask it whether a symbol exists and what its scales and filters are.
 */
public final class SymbolDirectory {

  private final CompactedTopicCache<SymbolConfig> symbols;

  /** A directory over a cache of the symbols topic. */
  public SymbolDirectory(CompactedTopicCache<SymbolConfig> symbols) {
    this.symbols = symbols;
  }

  /** The symbol's configuration; -1121 when there is no such symbol, 503 before the cache has loaded. */
  public SymbolConfig require(String symbol) {
    return symbols.get(symbol).orElseThrow(() -> {
      if (!symbols.isCaughtUp()) {
        return ApiException.backendUnavailable();
      }
      return ApiException.invalidSymbol();
    });
  }

  /** Every symbol, sorted by name. */
  public List<SymbolConfig> all() {
    return symbols.values().stream().sorted(Comparator.comparing(SymbolConfig::getSymbol)).toList();
  }
}
