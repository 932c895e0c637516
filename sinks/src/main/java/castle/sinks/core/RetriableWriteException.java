package castle.sinks.core;

/** A write that failed for a passing reason (throttling, a lost connection); the same write may succeed later. */
public class RetriableWriteException extends Exception {

  /** A transient failure and its cause. */
  public RetriableWriteException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A transient failure. */
  public RetriableWriteException(String message) {
    super(message);
  }
}
