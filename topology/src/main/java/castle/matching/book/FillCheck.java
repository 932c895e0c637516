package castle.matching.book;

import castle.schema.orders.SelfTradePreventionMode;

/**
 * Walks the makers a taker would meet, without touching them, to tell whether a fill-or-kill order
 * would fill completely. It applies the same rules as matching, on a copy of the {@link Taker}'s
 * limits: self-trade prevention (an own order under EXPIRE_MAKER is skipped, under EXPIRE_TAKER or
 * EXPIRE_BOTH it ends the fill) and the quote limit.
 */
public final class FillCheck {

  private final Taker simulated;
  private boolean stopped;

  /** A check of {@code taker}, whose own limits are left untouched. */
  public FillCheck(Taker taker) {
    this.simulated = taker.copy();
  }

  /**
   * Offers the next maker in priority order; returns whether the walk should go on. Books offer only
   * makers within the taker's limit price.
   */
  public boolean offer(Order maker) {
    if (simulated.preventsTradeWith(maker)) {
      if (simulated.selfTradePrevention() == SelfTradePreventionMode.EXPIRE_MAKER) {
        return true;
      }
      stopped = true;
      return false;
    }
    long qty = simulated.fillQuantity(maker.leaves(), maker.price());
    if (qty == 0) {
      stopped = true;
      return false;
    }
    simulated.fill(qty, simulated.notional(maker.price(), qty));
    return simulated.qtyLeft() > 0;
  }

  /** Whether the offered makers fill the taker completely. */
  public boolean complete() {
    return !stopped && simulated.qtyLeft() == 0;
  }
}
