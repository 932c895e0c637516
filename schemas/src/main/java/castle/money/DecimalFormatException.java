package castle.money;

/** A decimal string that cannot become a fixed-point amount, with the reason why. */
public final class DecimalFormatException extends IllegalArgumentException {

  /** Why a decimal string was refused. */
  public enum Reason {
    /** Not plain decimal notation: empty, signs, exponents, spaces or other characters. */
    MALFORMED,
    /** More significant decimal places than the asset's scale. */
    TOO_PRECISE,
    /** Too large for a fixed-point long at the asset's scale. */
    OUT_OF_RANGE
  }

  private final Reason reason;

  DecimalFormatException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Why the string was refused. */
  public Reason reason() {
    return reason;
  }
}
