package castle.gateway.market.ws;

import castle.market.candles.Interval;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A market stream's name, as Binance spells them: {@code <symbol>@trade}, {@code @aggTrade},
 * {@code @depth} (every second) and {@code @depth@100ms}, the partial books {@code @depth5},
 * {@code @depth10}, {@code @depth20} (optionally {@code @100ms}), {@code @kline_<interval>},
 * {@code @ticker}, {@code @miniTicker} and {@code @bookTicker}. Symbols are lower case in names.
 *
 * @param name the canonical name (symbol in lower case)
 * @param symbol the symbol in upper case, as the API and topics spell it
 * @param kind what the stream carries
 * @param interval the kline interval, for {@link Kind#KLINE}
 * @param levels the levels of a partial book, for {@link Kind#PARTIAL_DEPTH}
 * @param fast whether a depth stream updates every 100 ms instead of every second
 */
public record StreamName(String name, String symbol, Kind kind, Interval interval, int levels, boolean fast) {

  /** What a stream carries. */
  public enum Kind { TRADE, AGG_TRADE, DEPTH, PARTIAL_DEPTH, KLINE, TICKER, MINI_TICKER, BOOK_TICKER }

  private static final Pattern NAME = Pattern.compile(
      "([a-z0-9]{1,20})@(trade|aggTrade|depth(5|10|20)?(@100ms)?|kline_([0-9]{1,2}[mhdwM])|ticker|miniTicker|bookTicker)");

  /** The stream a name denotes, with the symbol's case ignored; empty if it is none. */
  public static Optional<StreamName> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    int at = raw.indexOf('@');
    if (at <= 0) {
      return Optional.empty();
    }
    String candidate = raw.substring(0, at).toLowerCase(Locale.ROOT) + raw.substring(at);
    Matcher matcher = NAME.matcher(candidate);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String symbol = matcher.group(1).toUpperCase(Locale.ROOT);
    String type = matcher.group(2);
    if (type.startsWith("depth")) {
      boolean fast = matcher.group(4) != null;
      if (matcher.group(3) == null) {
        return Optional.of(new StreamName(candidate, symbol, Kind.DEPTH, null, 0, fast));
      }
      return Optional.of(new StreamName(candidate, symbol, Kind.PARTIAL_DEPTH, null, Integer.parseInt(matcher.group(3)), fast));
    }
    if (type.startsWith("kline_")) {
      return Interval.parse(matcher.group(5)).map(interval -> new StreamName(candidate, symbol, Kind.KLINE, interval, 0, false));
    }
    Kind kind = switch (type) {
      case "trade" -> Kind.TRADE;
      case "aggTrade" -> Kind.AGG_TRADE;
      case "ticker" -> Kind.TICKER;
      case "miniTicker" -> Kind.MINI_TICKER;
      default -> Kind.BOOK_TICKER;
    };
    return Optional.of(new StreamName(candidate, symbol, kind, null, 0, false));
  }

  /** The name of one of a symbol's streams, such as {@code name("BTCUSDT", "trade")}. */
  public static String of(String symbol, String suffix) {
    return symbol.toLowerCase(Locale.ROOT) + "@" + suffix;
  }
}
