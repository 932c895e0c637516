package castle.gateway.admin.symbols;

import castle.gateway.admin.AdminErrors;
import castle.gateway.api.ApiException;
import castle.gateway.kafka.TopicProducer;
import castle.gateway.kafka.TopicTable;
import castle.orders.SymbolFilters;
import castle.schema.reference.SymbolConfig;
import castle.schema.reference.SymbolStatus;
import castle.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeoutException;

/**
 * Creates, updates, halts and resumes markets by publishing their {@link SymbolConfig} to the
 * compacted symbols topic, which matching, accounts and every gateway read. A configuration is
 * published only when {@link SymbolFilters#problems} finds nothing wrong and each asset keeps the one
 * scale the other symbols give it; a symbol's assets and scales never change once it exists, since
 * every stored amount depends on them. Changes return once this gateway's table shows them.
 */
public final class SymbolAdmin {

  private final TopicTable<SymbolConfig> symbols;
  private final TopicProducer producer;
  private final Duration timeout;

  /** Symbols read from {@code symbols} and published through {@code producer}. */
  public SymbolAdmin(TopicTable<SymbolConfig> symbols, TopicProducer producer, Duration timeout) {
    this.symbols = symbols;
    this.producer = producer;
    this.timeout = timeout;
  }

  /** Every symbol, by name. */
  public List<SymbolConfig> all() {
    List<SymbolConfig> all = new ArrayList<>(symbols.snapshot().values());
    all.sort(Comparator.comparing(SymbolConfig::getSymbol));
    return all;
  }

  /** One symbol; -1121 when unknown. */
  public SymbolConfig get(String symbol) {
    return symbols.get(symbol).orElseThrow(ApiException::invalidSymbol);
  }

  /** The scale of an asset, from the symbols that trade it. */
  public int scaleOf(String asset) {
    return AssetScales.require(asset, symbols.snapshot().values());
  }

  /** Publishes a new symbol. */
  public synchronized SymbolConfig create(SymbolConfig config) {
    if (symbols.get(config.getSymbol()).isPresent()) {
      throw AdminErrors.symbolExists(config.getSymbol());
    }
    List<String> problems = new ArrayList<>(SymbolFilters.problems(config));
    scaleConflict(config.getBaseAsset(), config.getBaseScale()).ifPresent(problems::add);
    scaleConflict(config.getQuoteAsset(), config.getQuoteScale()).ifPresent(problems::add);
    return publish(config, problems);
  }

  /** Publishes a changed configuration of an existing symbol. */
  public synchronized SymbolConfig update(SymbolConfig changed) {
    SymbolConfig current = get(changed.getSymbol());
    List<String> problems = new ArrayList<>(SymbolFilters.problems(changed));
    boolean sameAssets = current.getBaseAsset().equals(changed.getBaseAsset())
        && current.getQuoteAsset().equals(changed.getQuoteAsset())
        && current.getBaseScale() == changed.getBaseScale()
        && current.getQuoteScale() == changed.getQuoteScale();
    if (!sameAssets) {
      problems.add("assets and scales of an existing symbol cannot change");
    }
    return publish(changed, problems);
  }

  /** Sets a symbol's status (HALT rejects new orders, TRADING accepts them again). */
  public synchronized SymbolConfig setStatus(String symbol, SymbolStatus status, long now) {
    SymbolConfig current = get(symbol);
    if (current.getStatus() == status) {
      return current;
    }
    return publish(SymbolConfig.newBuilder(current).setStatus(status).setUpdatedAt(now).build(), List.of());
  }

  private Optional<String> scaleConflict(String asset, int scale) {
    OptionalInt existing = AssetScales.of(asset, symbols.snapshot().values());
    if (existing.isPresent() && existing.getAsInt() != scale) {
      return Optional.of(asset + " has scale " + existing.getAsInt() + " in other symbols");
    }
    return Optional.empty();
  }

  private SymbolConfig publish(SymbolConfig config, List<String> problems) {
    if (!problems.isEmpty()) {
      throw AdminErrors.invalidSymbol(problems);
    }
    try {
      producer.send(Topics.SYMBOLS, config.getSymbol(), config, config.getUpdatedAt(), timeout);
      if (!symbols.awaitValue(config.getSymbol(), config::equals, timeout)) {
        throw ApiException.backendTimeout();
      }
    } catch (TimeoutException e) {
      throw ApiException.backendTimeout();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.backendTimeout();
    }
    return config;
  }
}
