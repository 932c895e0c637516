package castle.matching.book;

import castle.schema.orders.OrderType;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.orders.TimeInForce;

/**
 * An order matching holds for one symbol: resting in the book, waiting as a stop, or running as the
 * taker of the command at hand. What never changes is fixed at placement; what fills change
 * ({@link #leaves()}, {@link #cumQty()}, {@link #cumQuote()}) and the time priority
 * ({@link #sequence()}) move as the order lives.
 */
public final class Order {

  private final long orderId;
  private final long accountId;
  private final long commandId;
  private final String clientOrderId;
  private final boolean buy;
  private final OrderType type;
  private final TimeInForce timeInForce;
  private final long price;
  private final long origQty;
  private final long quoteOrderQty;
  private final long stopPrice;
  private final SelfTradePreventionMode selfTradePrevention;
  private final long reserved;
  private final int makerFeePpm;
  private final int takerFeePpm;
  private final long orderTime;

  private long sequence;
  private boolean working;
  private boolean live;
  private long leaves;
  private long cumQty;
  private long cumQuote;

  /** Links of {@link FastOrderBook}'s intrusive level queues; the reference book ignores them. */
  Order prev;
  Order next;
  FastOrderBook.Level level;

  /** An order as placed: nothing filled, {@code leaves} = {@code origQty}, not yet live. */
  public Order(
      long orderId,
      long accountId,
      long commandId,
      String clientOrderId,
      boolean buy,
      OrderType type,
      TimeInForce timeInForce,
      long price,
      long origQty,
      long quoteOrderQty,
      long stopPrice,
      SelfTradePreventionMode selfTradePrevention,
      long reserved,
      int makerFeePpm,
      int takerFeePpm,
      long orderTime) {
    this.orderId = orderId;
    this.accountId = accountId;
    this.commandId = commandId;
    this.clientOrderId = clientOrderId;
    this.buy = buy;
    this.type = type;
    this.timeInForce = timeInForce;
    this.price = price;
    this.origQty = origQty;
    this.quoteOrderQty = quoteOrderQty;
    this.stopPrice = stopPrice;
    this.selfTradePrevention = selfTradePrevention;
    this.reserved = reserved;
    this.makerFeePpm = makerFeePpm;
    this.takerFeePpm = takerFeePpm;
    this.orderTime = orderTime;
    this.leaves = origQty;
  }

  /** Restores the changing part of an order read back from the store. */
  public Order restore(long sequence, boolean working, long leaves, long cumQty, long cumQuote) {
    this.sequence = sequence;
    this.working = working;
    this.leaves = leaves;
    this.cumQty = cumQty;
    this.cumQuote = cumQuote;
    return this;
  }

  /** Records one fill of {@code qty} for {@code quote}: the book calls it for makers, the engine for takers. */
  public void fill(long qty, long quote) {
    leaves -= qty;
    cumQty += qty;
    cumQuote += quote;
  }

  /** Unique id given by the gateway. */
  public long orderId() {
    return orderId;
  }

  /** The owning account. */
  public long accountId() {
    return accountId;
  }

  /** The command that placed the order. */
  public long commandId() {
    return commandId;
  }

  /** The client's id of the order. */
  public String clientOrderId() {
    return clientOrderId;
  }

  /** True for a BUY, false for a SELL. */
  public boolean buy() {
    return buy;
  }

  /** The order type as placed (a triggered stop keeps its stop type). */
  public OrderType type() {
    return type;
  }

  /** Time in force as placed. */
  public TimeInForce timeInForce() {
    return timeInForce;
  }

  /** Limit price, quote scale; 0 for market-priced orders. */
  public long price() {
    return price;
  }

  /** Quantity asked for, base scale; 0 for an order sized by quoteOrderQty. */
  public long origQty() {
    return origQty;
  }

  /** Quote amount a market order spends or receives; 0 when sized by quantity. */
  public long quoteOrderQty() {
    return quoteOrderQty;
  }

  /** Trigger price of stop and take-profit orders; 0 otherwise. */
  public long stopPrice() {
    return stopPrice;
  }

  /** Self-trade prevention mode, resolved at placement. */
  public SelfTradePreventionMode selfTradePrevention() {
    return selfTradePrevention;
  }

  /** What accounts reserved: quote for a BUY, base for a SELL. */
  public long reserved() {
    return reserved;
  }

  /** Maker commission rate, ppm. */
  public int makerFeePpm() {
    return makerFeePpm;
  }

  /** Taker commission rate, ppm. */
  public int takerFeePpm() {
    return takerFeePpm;
  }

  /** When the order was placed, epoch ms. */
  public long orderTime() {
    return orderTime;
  }

  /** Time priority within the symbol: lower came first. */
  public long sequence() {
    return sequence;
  }

  /** Gives the order its place in time, when it enters the book or the stop list. */
  public void sequence(long sequence) {
    this.sequence = sequence;
  }

  /** False while a stop waits for its trigger. */
  public boolean working() {
    return working;
  }

  /** Marks the order working (placed as such, or triggered). */
  public void working(boolean working) {
    this.working = working;
  }

  /** True while the order rests in the book or waits as a stop. */
  public boolean live() {
    return live;
  }

  /** Marks whether the order rests or waits. */
  public void live(boolean live) {
    this.live = live;
  }

  /** Quantity still open, base scale. */
  public long leaves() {
    return leaves;
  }

  /** Quantity filled so far. */
  public long cumQty() {
    return cumQty;
  }

  /** Quote amount filled so far. */
  public long cumQuote() {
    return cumQuote;
  }

  /** Whether the order is sized by a quote amount (quoteOrderQty) rather than a quantity. */
  public boolean quoteSized() {
    return origQty == 0 && quoteOrderQty > 0;
  }

  @Override
  public String toString() {
    return (buy ? "BUY " : "SELL ") + type + " #" + orderId + " acct " + accountId + " " + leaves + "@" + price
        + " seq " + sequence;
  }
}
