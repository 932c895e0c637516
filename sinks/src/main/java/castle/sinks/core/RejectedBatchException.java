package castle.sinks.core;

/**
 * The store refused a whole batch for a lasting reason without saying which record was at fault. The
 * task then splits the batch to find the poison records; this is safe because every write is
 * idempotent.
 */
public class RejectedBatchException extends Exception {

  /** A lasting rejection of a whole batch. */
  public RejectedBatchException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A lasting rejection of a whole batch. */
  public RejectedBatchException(String message) {
    super(message);
  }
}
