package castle.accounts.pipeline;

import castle.schema.orders.OrderType;
import castle.schema.orders.Side;
import castle.topology.StreamsApp;
import org.apache.avro.generic.GenericRecord;

/**
 * The real matching app (issue 3, package {@code castle.matching}), looked up by name so that these
 * tests compile on the accounts branch before matching is merged, and run against the real topology
 * as soon as it is on the classpath. Until then they are skipped, saying why.
 */
final class RealMatching {

  /** Matching's store of resting and waiting orders ({@code MatchingStores.ORDERS}). */
  static final String ORDERS_STORE = "matching-orders";

  /** Matching's per-symbol state, configuration included ({@code MatchingStores.SYMBOLS}). */
  static final String SYMBOLS_STORE = "matching-symbols";

  /** Why the tests skip while matching is absent. */
  static final String ABSENT = "matching (issue 3, castle.matching.MatchingApp) is not on the classpath yet";

  private static final String APP = "castle.matching.MatchingApp";

  private RealMatching() {}

  /** Whether matching is on the classpath. */
  static boolean available() {
    try {
      Class.forName(APP);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** A new matching app with its default book. */
  static StreamsApp app() {
    try {
      return (StreamsApp) Class.forName(APP).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(ABSENT, e);
    }
  }

  /**
   * What the cross-stage checks need of an order matching holds (a {@code BookOrder}).
   *
   * @param orderId the order
   * @param side its side
   * @param type its type
   * @param price its limit price, quote scale
   * @param leavesQty what it may still fill, base scale
   * @param quoteOrderQty its quote amount for a market order by quote, else 0
   */
  record BookEntry(long orderId, Side side, OrderType type, long price, long leavesQty, long quoteOrderQty) {

    /** Reads a BookOrder by its field names. */
    static BookEntry of(Object bookOrder) {
      GenericRecord r = (GenericRecord) bookOrder;
      return new BookEntry((Long) r.get("orderId"), (Side) r.get("side"), (OrderType) r.get("type"),
          (Long) r.get("price"), (Long) r.get("leavesQty"), (Long) r.get("quoteOrderQty"));
    }
  }
}
