package castle.sinks.jdbc.tables;

import castle.schema.market.Candle;
import castle.sinks.jdbc.Row;
import castle.sinks.jdbc.Upsert;
import java.util.List;

/**
 * {@code candles}: one row per symbol, interval and open time. A candle is re-emitted with a growing
 * {@code version} as trades arrive, so a row is replaced only by a higher version: the final candle
 * replaces partial ones, never the other way round.
 */
public final class CandlesTable {

  static final String SQL =
      Upsert.into("candles")
          .columns("symbol", "interval", "open_time", "close_time", "open_units", "high_units", "low_units",
              "close_units", "volume_units", "quote_volume_units", "trade_count", "taker_buy_base_volume_units",
              "taker_buy_quote_volume_units", "first_trade_id", "last_trade_id", "closed", "version", "base_scale",
              "quote_scale")
          .key("symbol", "interval", "open_time")
          .replaceWhen("candles.version < EXCLUDED.version");

  private CandlesTable() {}

  /** The row of a candle emission. */
  public static Row row(Candle c) {
    return new Row(SQL, List.of(c.getSymbol(), c.getInterval(), Times.at(c.getOpenTime()), Times.at(c.getCloseTime()),
        c.getOpen(), c.getHigh(), c.getLow(), c.getClose(), c.getVolume(), c.getQuoteVolume(), c.getTradeCount(),
        c.getTakerBuyBaseVolume(), c.getTakerBuyQuoteVolume(), c.getFirstTradeId(), c.getLastTradeId(),
        c.getClosed(), c.getVersion(), c.getBaseScale(), c.getQuoteScale()));
  }
}
