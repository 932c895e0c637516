package castle.gateway.binance.auth;

/** Binance's endpoint security types that Castle serves. */
public enum SecurityType {
  /** Public: no API key, no signature. */
  NONE,
  /** The account's own data: a signed request with any active key. */
  USER_DATA,
  /** Placing and canceling orders: a signed request with a key that has TRADE permission. */
  TRADE
}
