package castle.market.candles;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Binance's kline intervals and how each is aligned, in UTC: minutes, hours, days and 3 days on
 * multiples of their length since the epoch, weeks from Monday 00:00, months on calendar months.
 */
public enum Interval {
  M1("1m", 60_000L),
  M3("3m", 3 * 60_000L),
  M5("5m", 5 * 60_000L),
  M15("15m", 15 * 60_000L),
  M30("30m", 30 * 60_000L),
  H1("1h", 3_600_000L),
  H2("2h", 2 * 3_600_000L),
  H4("4h", 4 * 3_600_000L),
  H6("6h", 6 * 3_600_000L),
  H8("8h", 8 * 3_600_000L),
  H12("12h", 12 * 3_600_000L),
  D1("1d", 86_400_000L),
  D3("3d", 3 * 86_400_000L),
  W1("1w", 7 * 86_400_000L),
  MONTH("1M", 0);

  /** The epoch was a Thursday; weeks start on the following Monday, four days later. */
  private static final long WEEK_OFFSET_MS = 4 * 86_400_000L;

  private final String code;
  private final long lengthMs;

  Interval(String code, long lengthMs) {
    this.code = code;
    this.lengthMs = lengthMs;
  }

  /** The interval named by a Binance code such as {@code 15m} or {@code 1M}. */
  public static Optional<Interval> parse(String code) {
    for (Interval interval : values()) {
      if (interval.code.equals(code)) {
        return Optional.of(interval);
      }
    }
    return Optional.empty();
  }

  /** Binance's code, as in the {@code interval} parameter and the kline stream's name. */
  public String code() {
    return code;
  }

  /** A small stable number for store keys. */
  public byte id() {
    return (byte) ordinal();
  }

  /** The open time of the interval that contains {@code time}. */
  public long openTime(long time) {
    if (this == MONTH) {
      LocalDate day = Instant.ofEpochMilli(time).atZone(ZoneOffset.UTC).toLocalDate();
      return day.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
    long offset = this == W1 ? WEEK_OFFSET_MS : 0;
    return Math.floorDiv(time - offset, lengthMs) * lengthMs + offset;
  }

  /** The open time of the interval after the one opening at {@code openTime}. */
  public long next(long openTime) {
    if (this == MONTH) {
      return Instant.ofEpochMilli(openTime).atZone(ZoneOffset.UTC).plusMonths(1).toInstant().toEpochMilli();
    }
    return openTime + lengthMs;
  }

  /** The open time of the interval before the one opening at {@code openTime}. */
  public long previous(long openTime) {
    if (this == MONTH) {
      return Instant.ofEpochMilli(openTime).atZone(ZoneOffset.UTC).minusMonths(1).toInstant().toEpochMilli();
    }
    return openTime - lengthMs;
  }

  /** The last millisecond of the interval opening at {@code openTime}, as klines report it. */
  public long closeTime(long openTime) {
    return next(openTime) - 1;
  }
}
