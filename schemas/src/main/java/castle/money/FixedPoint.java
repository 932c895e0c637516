package castle.money;

/**
 * Arithmetic on fixed-point longs: an amount of an asset is {@code units x 10^-scale}, with the scale
 * fixed per asset. Products such as price x quantity are computed in 128 bits and divided back, so
 * they never overflow silently: a result that does not fit a long throws {@link ArithmeticException}.
 */
public final class FixedPoint {

  /** The largest supported scale: 10^18 still fits a long. */
  public static final int MAX_SCALE = 18;

  /** Parts per million, the unit of fee rates. */
  public static final long PPM = 1_000_000L;

  private static final long[] POWERS_OF_TEN = new long[MAX_SCALE + 1];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i <= MAX_SCALE; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private FixedPoint() {}

  /** 10 to the given power, for scales 0..18. */
  public static long pow10(int scale) {
    if (scale < 0 || scale > MAX_SCALE) {
      throw new IllegalArgumentException("Scale must be 0.." + MAX_SCALE + ", was " + scale);
    }
    return POWERS_OF_TEN[scale];
  }

  /**
   * The quote amount of {@code qty} at {@code price}, rounded down: price (quote scale) x qty (base
   * scale) / 10^baseScale.
   */
  public static long notional(long price, long qty, int baseScale) {
    return mulDiv(price, qty, pow10(baseScale));
  }

  /** The quote amount of {@code qty} at {@code price}, rounded up: what a reservation must cover. */
  public static long notionalCeil(long price, long qty, int baseScale) {
    return mulDivCeil(price, qty, pow10(baseScale));
  }

  /** A commission of {@code ratePpm} millionths of {@code amount}, rounded down. */
  public static long fee(long amount, long ratePpm) {
    return mulDiv(amount, ratePpm, PPM);
  }

  /** floor(a x b / divisor) for a, b &gt;= 0 and divisor &gt; 0, exact in 128 bits. */
  public static long mulDiv(long a, long b, long divisor) {
    checkOperands(a, b, divisor);
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    if (hi == 0 && lo >= 0) {
      return lo / divisor;
    }
    return divide(hi, lo, divisor);
  }

  /** ceil(a x b / divisor) for a, b &gt;= 0 and divisor &gt; 0, exact in 128 bits. */
  public static long mulDivCeil(long a, long b, long divisor) {
    checkOperands(a, b, divisor);
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    long quotient;
    if (hi == 0 && lo >= 0) {
      quotient = lo / divisor;
    } else {
      quotient = divide(hi, lo, divisor);
    }
    long remainder = lo - quotient * divisor;
    return remainder == 0 ? quotient : Math.addExact(quotient, 1);
  }

  /** How many units of a {@code fromScale} amount there are at {@code toScale}; must be exact. */
  public static long rescale(long units, int fromScale, int toScale) {
    if (toScale >= fromScale) {
      return Math.multiplyExact(units, pow10(toScale - fromScale));
    }
    long divisor = pow10(fromScale - toScale);
    if (units % divisor != 0) {
      throw new ArithmeticException(units + " at scale " + fromScale + " is not exact at " + toScale);
    }
    return units / divisor;
  }

  private static void checkOperands(long a, long b, long divisor) {
    if (a < 0 || b < 0) {
      throw new IllegalArgumentException("Operands must not be negative: " + a + ", " + b);
    }
    if (divisor <= 0) {
      throw new IllegalArgumentException("Divisor must be positive: " + divisor);
    }
  }

  /**
   * The unsigned 128-bit value hi:lo divided by a positive divisor, when the quotient fits a
   * non-negative long. Knuth's algorithm D on 32-bit digits (Hacker's Delight, divlu).
   */
  private static long divide(long hi, long lo, long divisor) {
    if (Long.compareUnsigned(hi, divisor) >= 0) {
      throw new ArithmeticException("Fixed-point result overflows a long");
    }
    final long base = 1L << 32;
    int shift = Long.numberOfLeadingZeros(divisor);
    long v = divisor << shift;
    long vHigh = v >>> 32;
    long vLow = v & 0xFFFFFFFFL;
    long uHigh = shift == 0 ? hi : (hi << shift) | (lo >>> (64 - shift));
    long uLow = lo << shift;
    long u1 = uLow >>> 32;
    long u0 = uLow & 0xFFFFFFFFL;

    long q1 = Long.divideUnsigned(uHigh, vHigh);
    long rhat = uHigh - q1 * vHigh;
    while (Long.compareUnsigned(q1, base) >= 0
        || Long.compareUnsigned(q1 * vLow, base * rhat + u1) > 0) {
      q1--;
      rhat += vHigh;
      if (Long.compareUnsigned(rhat, base) >= 0) {
        break;
      }
    }
    long u21 = uHigh * base + u1 - q1 * v;
    long q0 = Long.divideUnsigned(u21, vHigh);
    rhat = u21 - q0 * vHigh;
    while (Long.compareUnsigned(q0, base) >= 0
        || Long.compareUnsigned(q0 * vLow, base * rhat + u0) > 0) {
      q0--;
      rhat += vHigh;
      if (Long.compareUnsigned(rhat, base) >= 0) {
        break;
      }
    }
    long quotient = q1 * base + q0;
    if (quotient < 0) {
      throw new ArithmeticException("Fixed-point result overflows a long");
    }
    return quotient;
  }
}
