package castle.market.candles;

import castle.market.store.MarketStores;
import castle.market.store.MarketView;
import castle.schema.market.Candle;
import castle.schema.market.OpenCandle;
import castle.schema.market.OpenCandles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * A symbol's candles of one interval, final and open together, as the ticker, the alerts and the
 * klines endpoint see them. A candle is in exactly one of the two stores: open ones in
 * {@link MarketStores#OPEN_CANDLES} until they close, then in {@link MarketStores#CANDLES}.
 */
public final class CandleSource {

  private final MarketView view;

  /** Candles read from these stores. */
  public CandleSource(MarketView view) {
    this.view = view;
  }

  /** The candles opening within [fromOpen, toOpen], oldest first. */
  public List<Candle> range(String symbol, Interval interval, long fromOpen, long toOpen) {
    List<Candle> candles = new ArrayList<>();
    if (toOpen < fromOpen || toOpen < 0) {
      return candles;
    }
    long from = Math.max(0, fromOpen);
    try (KeyValueIterator<Bytes, Candle> stored =
        view.candles().range(MarketStores.candleKey(symbol, interval, from), MarketStores.candleKey(symbol, interval, toOpen))) {
      stored.forEachRemaining(entry -> candles.add(entry.value));
    }
    for (Candle open : open(symbol, interval)) {
      if (open.getOpenTime() >= from && open.getOpenTime() <= toOpen) {
        candles.add(open);
      }
    }
    candles.sort(Comparator.comparingLong(Candle::getOpenTime));
    return candles;
  }

  /** The latest candle opening before {@code before}, if the symbol ever traded before then. */
  public Optional<Candle> lastBefore(String symbol, Interval interval, long before) {
    Candle latest = null;
    if (before > 0) {
      try (KeyValueIterator<Bytes, Candle> stored = view.candles().reverseRange(
          MarketStores.candleKey(symbol, interval, 0), MarketStores.candleKey(symbol, interval, before - 1))) {
        if (stored.hasNext()) {
          latest = stored.next().value;
        }
      }
    }
    for (Candle open : open(symbol, interval)) {
      if (open.getOpenTime() < before && (latest == null || open.getOpenTime() > latest.getOpenTime())) {
        latest = open;
      }
    }
    return Optional.ofNullable(latest);
  }

  /** The earliest candle of the interval: when the symbol first traded. */
  public Optional<Candle> first(String symbol, Interval interval) {
    try (KeyValueIterator<Bytes, Candle> stored = view.candles().range(
        MarketStores.candleKey(symbol, interval, 0), MarketStores.candleKey(symbol, interval, Long.MAX_VALUE))) {
      if (stored.hasNext()) {
        KeyValue<Bytes, Candle> entry = stored.next();
        return Optional.of(entry.value);
      }
    }
    return open(symbol, interval).stream().min(Comparator.comparingLong(Candle::getOpenTime));
  }

  private List<Candle> open(String symbol, Interval interval) {
    OpenCandles set = view.openCandles().get(symbol);
    List<Candle> candles = new ArrayList<>();
    if (set != null) {
      for (OpenCandle open : set.getCandles()) {
        if (open.getCandle().getInterval().equals(interval.code())) {
          candles.add(open.getCandle());
        }
      }
    }
    return candles;
  }
}
