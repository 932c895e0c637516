package castle.sinks.timestream;

import castle.schema.market.Candle;
import castle.sinks.core.PoisonRecordException;
import castle.sinks.core.RecordValues;
import castle.sinks.core.SinkWriter;
import java.util.Optional;
import org.apache.kafka.connect.sink.SinkRecord;

/** What both Timestream writers share: candles from market.candles, checked before they are batched. */
abstract class CandleWriter implements SinkWriter<Candle> {

  @Override
  public Optional<Candle> prepare(SinkRecord record) {
    Candle candle = RecordValues.valueOf(record, Candle.class);
    if (!isName(candle.getSymbol()) || !isName(candle.getInterval())) {
      throw new PoisonRecordException("A candle needs a symbol and an interval without line breaks");
    }
    if (candle.getLow() > candle.getHigh()) {
      throw new PoisonRecordException("Candle " + CandleKey.of(candle) + " has low above high");
    }
    return Optional.of(candle);
  }

  private static boolean isName(String text) {
    return !text.isEmpty() && text.chars().noneMatch(c -> c == '\n' || c == '\r');
  }
}
