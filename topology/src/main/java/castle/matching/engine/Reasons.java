package castle.matching.engine;

/**
 * The {@code reason} texts of matching's CANCELED and EXPIRED executions. Rejections use
 * {@link castle.orders.RejectReason}'s Binance messages instead.
 */
public final class Reasons {

  /** Self-trade prevention expired the order (taker or maker). */
  public static final String SELF_TRADE = "Self-trade prevention.";

  /** An IOC order's unfilled remainder. */
  public static final String IMMEDIATE_OR_CANCEL = "Immediate or cancel: the unfilled quantity expired.";

  /** A FOK order the book could not fill completely. */
  public static final String FILL_OR_KILL = "Fill or kill: the order could not be filled completely.";

  /** A market order that found no more liquidity. */
  public static final String NO_LIQUIDITY = "Market order: no more liquidity.";

  /** The order's funds (reserved quote of a BUY, free base of a quote-sized SELL) are used up. */
  public static final String BUDGET = "The order's reserved funds are used up.";

  /** A quote-sized market order whose amount buys or sells less than one step at the best price. */
  public static final String QUOTE_TOO_SMALL = "Quote quantity is too small for one step at the best price.";

  /** Canceled on the account's request (cancel or cancel-all). */
  public static final String CANCELED = "Canceled by request.";

  private Reasons() {}
}
