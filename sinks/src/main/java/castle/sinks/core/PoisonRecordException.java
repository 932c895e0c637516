package castle.sinks.core;

/** A record that can never be written as it is; it goes to the dead-letter topic with this message. */
public class PoisonRecordException extends RuntimeException {

  /** A poison record with the reason it cannot be written. */
  public PoisonRecordException(String reason) {
    super(reason);
  }

  /** A poison record with the reason and the failure that showed it. */
  public PoisonRecordException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
