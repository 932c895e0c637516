package castle.market.alerts;

/** Compares products of non-negative longs exactly, in 128 bits, so no threshold test can overflow. */
final class Products {

  private Products() {}

  /** The sign of {@code a*b - c*d} for non-negative operands. */
  static int compare(long a, long b, long c, long d) {
    long high = Math.multiplyHigh(a, b);
    long otherHigh = Math.multiplyHigh(c, d);
    if (high != otherHigh) {
      return Long.compare(high, otherHigh);
    }
    return Long.compareUnsigned(a * b, c * d);
  }
}
