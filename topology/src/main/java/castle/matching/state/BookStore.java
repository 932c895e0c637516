package castle.matching.state;

import castle.matching.book.Order;
import castle.matching.book.OrderBook;
import castle.matching.engine.CommandOutput;
import castle.matching.engine.SymbolEngine;
import castle.schema.matching.BookOrder;
import castle.schema.matching.SymbolBook;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Writes matching's in-memory state through to its two key-value stores after every command, and
 * rebuilds the engines from them. The books live in memory for speed; the stores (RocksDB with a
 * changelog) make them durable, so a restart or a move to another instance restores them exactly.
 */
public final class BookStore {

  private final KeyValueStore<String, SymbolBook> symbols;
  private final KeyValueStore<String, BookOrder> orders;

  /** Over the symbols and orders stores. */
  public BookStore(KeyValueStore<String, SymbolBook> symbols, KeyValueStore<String, BookOrder> orders) {
    this.symbols = symbols;
    this.orders = orders;
  }

  /** Saves what one command changed: the orders it touched and the symbol's sequences. */
  public void save(SymbolEngine engine, CommandOutput output) {
    String symbol = engine.symbol();
    for (Order order : output.changedOrders()) {
      String key = BookRecords.orderKey(symbol, order.orderId());
      if (order.live()) {
        orders.put(key, BookRecords.toRecord(symbol, order));
      } else {
        orders.delete(key);
      }
    }
    saveSymbol(engine);
  }

  /** Saves a symbol's configuration, sequences and last price. */
  public void saveSymbol(SymbolEngine engine) {
    symbols.put(engine.symbol(), engine.state());
  }

  /** Rebuilds every symbol's engine from the stores, each with a fresh book, sorted by symbol. */
  public Map<String, SymbolEngine> load(Supplier<OrderBook> books) {
    return load(symbols, orders, books);
  }

  /** Rebuilds engines from read-only views of the two stores (interactive queries, tests). */
  public static Map<String, SymbolEngine> load(
      ReadOnlyKeyValueStore<String, SymbolBook> symbols,
      ReadOnlyKeyValueStore<String, BookOrder> orders,
      Supplier<OrderBook> books) {
    return rebuild(values(symbols), values(orders), books);
  }

  /**
   * Rebuilds engines from stored records however they were obtained (the stores, or a changelog
   * read back): orders go into their symbol's book in time priority.
   */
  public static Map<String, SymbolEngine> rebuild(
      Collection<SymbolBook> symbols, Collection<BookOrder> orders, Supplier<OrderBook> books) {
    Map<String, SymbolEngine> engines = new TreeMap<>();
    for (SymbolBook state : symbols) {
      SymbolEngine engine = new SymbolEngine(state.getSymbol(), books.get());
      engine.restore(state);
      engines.put(state.getSymbol(), engine);
    }
    List<BookOrder> sorted = new ArrayList<>(orders);
    sorted.sort(Comparator.comparing(BookOrder::getSymbol).thenComparingLong(BookOrder::getSequence));
    for (BookOrder order : sorted) {
      SymbolEngine engine = engines.get(order.getSymbol());
      if (engine == null) {
        throw new IllegalStateException("Order " + order.getOrderId() + " of unknown symbol " + order.getSymbol());
      }
      engine.restore(BookRecords.fromRecord(order));
    }
    return engines;
  }

  private static <V> List<V> values(ReadOnlyKeyValueStore<String, V> store) {
    List<V> values = new ArrayList<>();
    try (KeyValueIterator<String, V> all = store.all()) {
      all.forEachRemaining(entry -> values.add(entry.value));
    }
    return values;
  }
}
