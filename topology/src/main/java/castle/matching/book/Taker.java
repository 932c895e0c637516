package castle.matching.book;

import castle.money.FixedPoint;
import castle.schema.orders.SelfTradePreventionMode;

/**
 * An order while it takes liquidity: its side and limit, whose orders it must not trade with, and
 * how much it may still buy or sell. Both limits are consumed fill by fill: the quantity (base) and
 * the quote amount ({@link #UNLIMITED} when only the quantity binds). A quote limit is how a market
 * order sized by quoteOrderQty stops, and how a BUY never spends more than accounts reserved.
 *
 * <p>The fill-size rule lives here, not in the books, so every {@link OrderBook} implementation
 * fills exactly the same amounts.
 */
public final class Taker {

  /** No quote limit. */
  public static final long UNLIMITED = Long.MAX_VALUE;

  private boolean buy;
  private boolean market;
  private long limitPrice;
  private long accountId;
  private SelfTradePreventionMode selfTradePrevention;
  private long qtyLeft;
  private long quoteLeft;
  private long stepSize;
  private int baseScale;
  private long baseUnit;

  /**
   * Sets the taker up for one run; a reused instance keeps matching allocation-free.
   *
   * @param limitPrice the worst price it accepts, or 0 for a market order
   * @param qtyLimit base quantity it may fill ({@link #UNLIMITED} when the quote limit sizes it)
   * @param quoteLimit quote amount it may spend or receive, or {@link #UNLIMITED}
   */
  public Taker reset(
      boolean buy,
      long limitPrice,
      long accountId,
      SelfTradePreventionMode selfTradePrevention,
      long qtyLimit,
      long quoteLimit,
      long stepSize,
      int baseScale) {
    this.buy = buy;
    this.market = limitPrice == 0;
    this.limitPrice = limitPrice;
    this.accountId = accountId;
    this.selfTradePrevention = selfTradePrevention;
    this.qtyLeft = qtyLimit;
    this.quoteLeft = quoteLimit;
    this.stepSize = stepSize;
    this.baseScale = baseScale;
    this.baseUnit = FixedPoint.pow10(baseScale);
    return this;
  }

  /** An independent copy with the same limits, for looking ahead without consuming them. */
  public Taker copy() {
    return new Taker().reset(
        buy, limitPrice, accountId, selfTradePrevention, qtyLeft, quoteLeft, stepSize, baseScale);
  }

  /** True for a BUY taker, which takes asks. */
  public boolean buy() {
    return buy;
  }

  /** The taker's account. */
  public long accountId() {
    return accountId;
  }

  /** The taker's self-trade prevention mode. */
  public SelfTradePreventionMode selfTradePrevention() {
    return selfTradePrevention;
  }

  /** Base quantity it may still fill. */
  public long qtyLeft() {
    return qtyLeft;
  }

  /** Quote amount it may still spend or receive. */
  public long quoteLeft() {
    return quoteLeft;
  }

  /** Whether a resting order at {@code makerPrice} is within the taker's limit. */
  public boolean accepts(long makerPrice) {
    return market || (buy ? makerPrice <= limitPrice : makerPrice >= limitPrice);
  }

  /** Whether trading with this maker would be a self-trade the taker's mode prevents. */
  public boolean preventsTradeWith(Order maker) {
    return maker.accountId() == accountId && selfTradePrevention != SelfTradePreventionMode.NONE;
  }

  /**
   * How much the taker fills against {@code makerLeaves} at {@code price}: as much as both sides
   * have, cut to what the quote limit affords (rounded down to the step). 0 means the quote limit is
   * exhausted at this price.
   */
  public long fillQuantity(long makerLeaves, long price) {
    long qty = Math.min(qtyLeft, makerLeaves);
    if (quoteLeft != UNLIMITED) {
      long affordable = affordable(price);
      if (affordable < qty) {
        qty = affordable - affordable % stepSize;
      }
    }
    return qty;
  }

  /** The quote amount of {@code qty} at {@code price}. */
  public long notional(long price, long qty) {
    return FixedPoint.notional(price, qty, baseScale);
  }

  /** Consumes one fill from the limits. */
  public void fill(long qty, long quote) {
    if (qtyLeft != UNLIMITED) {
      qtyLeft -= qty;
    }
    if (quoteLeft != UNLIMITED) {
      quoteLeft -= quote;
    }
  }

  /** The largest quantity whose notional at {@code price} fits the quote left. */
  private long affordable(long price) {
    try {
      return FixedPoint.mulDiv(quoteLeft, baseUnit, price);
    } catch (ArithmeticException tooLarge) {
      return Long.MAX_VALUE;
    }
  }
}
