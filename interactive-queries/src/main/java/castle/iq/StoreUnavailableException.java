package castle.iq;

/**
 * The state a query needs is not servable right now, typically during a rebalance or restore. Callers
 * answer 503 and the client retries; nothing wrong or partial is ever returned instead.
 */
public final class StoreUnavailableException extends RuntimeException {

  /** With the reason, for the 503 body and the logs. */
  public StoreUnavailableException(String message) {
    super(message);
  }
}
