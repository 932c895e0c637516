package castle.matching.book;

/** Why a taker stopped matching. */
public enum MatchEnd {
  /** Its quantity limit is used up. */
  QUANTITY_DONE,
  /** Its quote limit affords no further step at the next price. */
  QUOTE_DONE,
  /** The opposite side is empty or no longer within its limit price. */
  NO_LIQUIDITY,
  /** Self-trade prevention (EXPIRE_TAKER or EXPIRE_BOTH) stopped it. */
  SELF_TRADE
}
