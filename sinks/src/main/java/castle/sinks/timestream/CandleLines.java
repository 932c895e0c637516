package castle.sinks.timestream;

import castle.schema.market.Candle;

/**
 * Candles in InfluxDB line protocol: measurement, tags {@code symbol} and {@code interval}, integer
 * fields in Castle's fixed-point units with their scales (money is never a float, here either), and
 * the open time in milliseconds. InfluxDB keeps one point per series and time, so writing a newer
 * emission of a candle replaces the older one, and writing the same one again changes nothing.
 */
public final class CandleLines {

  private CandleLines() {}

  /** One line, without the newline. */
  public static String line(String measurement, Candle c) {
    StringBuilder line = new StringBuilder(256);
    line.append(escapeMeasurement(measurement))
        .append(",interval=").append(escapeTag(c.getInterval()))
        .append(",symbol=").append(escapeTag(c.getSymbol()))
        .append(' ');
    field(line, "open", c.getOpen()).append(',');
    field(line, "high", c.getHigh()).append(',');
    field(line, "low", c.getLow()).append(',');
    field(line, "close", c.getClose()).append(',');
    field(line, "volume", c.getVolume()).append(',');
    field(line, "quote_volume", c.getQuoteVolume()).append(',');
    field(line, "trade_count", c.getTradeCount()).append(',');
    field(line, "taker_buy_base_volume", c.getTakerBuyBaseVolume()).append(',');
    field(line, "taker_buy_quote_volume", c.getTakerBuyQuoteVolume()).append(',');
    field(line, "first_trade_id", c.getFirstTradeId()).append(',');
    field(line, "last_trade_id", c.getLastTradeId()).append(',');
    field(line, "close_time", c.getCloseTime()).append(',');
    field(line, "version", c.getVersion()).append(',');
    field(line, "base_scale", c.getBaseScale()).append(',');
    field(line, "quote_scale", c.getQuoteScale()).append(',');
    line.append("closed=").append(c.getClosed());
    return line.append(' ').append(c.getOpenTime()).toString();
  }

  private static StringBuilder field(StringBuilder line, String name, long value) {
    return line.append(name).append('=').append(value).append('i');
  }

  /** Escapes a measurement name: commas and spaces. */
  static String escapeMeasurement(String name) {
    return escape(name, ", ");
  }

  /** Escapes a tag key or value: commas, equals signs and spaces. */
  static String escapeTag(String value) {
    return escape(value, ",= ");
  }

  private static String escape(String text, String special) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("Line protocol cannot carry an empty name or tag value");
    }
    StringBuilder out = new StringBuilder(text.length() + 4);
    for (char ch : text.toCharArray()) {
      if (ch == '\n' || ch == '\r') {
        throw new IllegalArgumentException("Line protocol cannot carry a line break: " + text);
      }
      if (special.indexOf(ch) >= 0) {
        out.append('\\');
      }
      out.append(ch);
    }
    return out.toString();
  }
}
