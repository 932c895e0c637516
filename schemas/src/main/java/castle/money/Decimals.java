package castle.money;

import castle.money.DecimalFormatException.Reason;

/**
 * Conversion between the API's decimal strings ({@code "30000.00000000"}) and fixed-point longs.
 *
 * <p>Parsing is strict: plain decimal notation only, no sign, no exponent, no spaces, at most {@link
 * #MAX_LENGTH} characters. Trailing zeros beyond the scale are accepted; other extra digits are not,
 * because they cannot be represented exactly.
 */
public final class Decimals {

  /** The longest decimal string accepted: longer ones are refused before any arithmetic. */
  public static final int MAX_LENGTH = 40;

  /** Binance shows every amount with at least eight decimals. */
  public static final int API_DECIMALS = 8;

  private Decimals() {}

  /** The non-negative amount a decimal string denotes, in units of 10^-scale. */
  public static long parse(String text, int scale) {
    long pow = FixedPoint.pow10(scale);
    if (text == null || text.isEmpty()) {
      throw new DecimalFormatException(Reason.MALFORMED, "empty decimal");
    }
    if (text.length() > MAX_LENGTH) {
      throw new DecimalFormatException(Reason.MALFORMED, "decimal longer than " + MAX_LENGTH);
    }
    int dot = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        if (dot >= 0) {
          throw new DecimalFormatException(Reason.MALFORMED, "more than one decimal point");
        }
        dot = i;
      } else if (c < '0' || c > '9') {
        throw new DecimalFormatException(Reason.MALFORMED, "not a plain decimal: " + quoted(text));
      }
    }
    int intEnd = dot < 0 ? text.length() : dot;
    if (intEnd == 0 || dot == text.length() - 1) {
      throw new DecimalFormatException(Reason.MALFORMED, "digits must surround the point: " + quoted(text));
    }
    long units = 0;
    try {
      for (int i = 0; i < intEnd; i++) {
        units = Math.addExact(Math.multiplyExact(units, 10), text.charAt(i) - '0');
      }
      units = Math.multiplyExact(units, pow);
      if (dot >= 0) {
        long place = pow;
        for (int i = dot + 1; i < text.length(); i++) {
          int digit = text.charAt(i) - '0';
          place /= 10;
          if (place == 0) {
            if (digit != 0) {
              throw new DecimalFormatException(
                  Reason.TOO_PRECISE, "more than " + scale + " decimal places: " + quoted(text));
            }
          } else {
            units = Math.addExact(units, digit * place);
          }
        }
      }
    } catch (ArithmeticException e) {
      throw new DecimalFormatException(Reason.OUT_OF_RANGE, "decimal too large: " + quoted(text));
    }
    return units;
  }

  /** Plain decimal text of a fixed-point amount with at least {@link #API_DECIMALS} decimals. */
  public static String format(long units, int scale) {
    return format(units, scale, Math.max(scale, API_DECIMALS));
  }

  /** Plain decimal text of a fixed-point amount with exactly {@code decimals} (&gt;= scale) decimals. */
  public static String format(long units, int scale, int decimals) {
    if (decimals < scale) {
      throw new IllegalArgumentException("decimals " + decimals + " below scale " + scale);
    }
    long pow = FixedPoint.pow10(scale);
    StringBuilder out = new StringBuilder(32);
    if (units < 0) {
      out.append('-');
    }
    // Negating the quotient is exact as an unsigned value, even for Long.MIN_VALUE.
    long whole = units / pow;
    out.append(units < 0 ? Long.toUnsignedString(-whole) : Long.toString(whole));
    long fraction = Math.abs(units % pow);
    if (decimals > 0) {
      out.append('.');
      String digits = Long.toString(fraction);
      for (int i = digits.length(); i < scale; i++) {
        out.append('0');
      }
      if (scale > 0) {
        out.append(digits);
      }
      for (int i = scale; i < decimals; i++) {
        out.append('0');
      }
    }
    return out.toString();
  }

  private static String quoted(String text) {
    return '"' + (text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text) + '"';
  }
}
