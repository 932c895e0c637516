package castle.gateway.binance.symbols;

import castle.gateway.api.ApiException;
import castle.gateway.kafka.TopicTable;
import castle.schema.reference.SymbolConfig;
import java.util.Comparator;
import java.util.List;

/**
 * The markets the gateway knows, from its own in-memory copy of the compacted {@code symbols} topic.
 * Request handlers ask it whether a symbol exists and what its scales and filters are.
 */
public final class SymbolDirectory {

  private final TopicTable<SymbolConfig> symbols;

  /** A directory over a table of the symbols topic. */
  public SymbolDirectory(TopicTable<SymbolConfig> symbols) {
    this.symbols = symbols;
  }

  /** The symbol's configuration; -1121 when there is no such symbol, 503 before the table has loaded. */
  public SymbolConfig require(String symbol) {
    return symbols.get(symbol).orElseThrow(() -> {
      if (symbols.problem().isPresent()) {
        return ApiException.backendUnavailable();
      }
      return ApiException.invalidSymbol();
    });
  }

  /** Every symbol, sorted by name. */
  public List<SymbolConfig> all() {
    return symbols.snapshot().values().stream().sorted(Comparator.comparing(SymbolConfig::getSymbol)).toList();
  }
}
