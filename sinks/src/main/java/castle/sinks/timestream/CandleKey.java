package castle.sinks.timestream;

import castle.schema.market.Candle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A candle's identity in a time series: symbol, interval and open time. Within one batch only the
 * newest version of each candle needs writing; the older ones would be overwritten at once.
 */
record CandleKey(String symbol, String interval, long openTime) {

  static CandleKey of(Candle candle) {
    return new CandleKey(candle.getSymbol(), candle.getInterval(), candle.getOpenTime());
  }

  /** The newest emission of each candle, in the order of their first appearance. */
  static List<Candle> newestOfEach(List<Candle> candles) {
    Map<CandleKey, Candle> newest = new LinkedHashMap<>();
    for (Candle candle : candles) {
      newest.merge(of(candle), candle, (kept, next) -> next.getVersion() >= kept.getVersion() ? next : kept);
    }
    return new ArrayList<>(newest.values());
  }
}
