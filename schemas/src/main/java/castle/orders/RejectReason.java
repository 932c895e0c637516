package castle.orders;

/**
 * Why an order command was refused, with the Binance error code and message a client receives for it.
 * Executions carry the message in their {@code reason} field; the gateway maps it back to the code.
 * The messages are Binance's, word for word, because clients match on them.
 */
public enum RejectReason {
  INSUFFICIENT_BALANCE(-2010, "Account has insufficient balance for requested action."),
  DUPLICATE_ORDER(-2010, "Duplicate order sent."),
  MARKET_CLOSED(-2010, "Market is closed."),
  ACCOUNT_DISABLED(-2010, "This action is disabled on this account."),
  WOULD_TAKE(-2010, "Order would immediately match and take."),
  WOULD_TRIGGER_IMMEDIATELY(-2010, "Order would trigger immediately."),
  TOO_MANY_OPEN_ORDERS(-1013, "Filter failure: MAX_NUM_ORDERS"),
  PRICE_FILTER(-1013, "Filter failure: PRICE_FILTER"),
  LOT_SIZE(-1013, "Filter failure: LOT_SIZE"),
  MARKET_LOT_SIZE(-1013, "Filter failure: MARKET_LOT_SIZE"),
  NOTIONAL(-1013, "Filter failure: NOTIONAL"),
  UNKNOWN_ORDER(-2011, "Unknown order sent."),
  UNKNOWN_SYMBOL(-1121, "Invalid symbol.");

  private final int code;
  private final String message;

  RejectReason(int code, String message) {
    this.code = code;
    this.message = message;
  }

  /** The Binance error code. */
  public int code() {
    return code;
  }

  /** The Binance error message, exactly. */
  public String message() {
    return message;
  }

  /** The reason whose message this is, if any. */
  public static java.util.Optional<RejectReason> ofMessage(String message) {
    for (RejectReason reason : values()) {
      if (reason.message.equals(message)) {
        return java.util.Optional.of(reason);
      }
    }
    return java.util.Optional.empty();
  }
}
