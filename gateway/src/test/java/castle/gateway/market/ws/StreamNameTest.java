package castle.gateway.market.ws;

import static org.assertj.core.api.Assertions.assertThat;

import castle.gateway.market.ws.StreamName.Kind;
import castle.market.candles.Interval;
import org.junit.jupiter.api.Test;

/** Binance's stream names, and names that are none. */
class StreamNameTest {

  @Test
  void readsEveryKindOfMarketStream() {
    assertThat(StreamName.parse("btcusdt@trade")).get().extracting(StreamName::kind).isEqualTo(Kind.TRADE);
    assertThat(StreamName.parse("btcusdt@aggTrade")).get().extracting(StreamName::kind).isEqualTo(Kind.AGG_TRADE);
    assertThat(StreamName.parse("btcusdt@depth").get()).extracting(StreamName::kind, StreamName::fast)
        .containsExactly(Kind.DEPTH, false);
    assertThat(StreamName.parse("btcusdt@depth@100ms").get()).extracting(StreamName::kind, StreamName::fast)
        .containsExactly(Kind.DEPTH, true);
    assertThat(StreamName.parse("btcusdt@depth20@100ms").get())
        .extracting(StreamName::kind, StreamName::levels, StreamName::fast)
        .containsExactly(Kind.PARTIAL_DEPTH, 20, true);
    assertThat(StreamName.parse("btcusdt@kline_1M").get()).extracting(StreamName::kind, StreamName::interval)
        .containsExactly(Kind.KLINE, Interval.MONTH);
    assertThat(StreamName.parse("btcusdt@miniTicker")).get().extracting(StreamName::kind).isEqualTo(Kind.MINI_TICKER);
    assertThat(StreamName.parse("btcusdt@bookTicker")).get().extracting(StreamName::kind).isEqualTo(Kind.BOOK_TICKER);
    assertThat(StreamName.parse("btcusdt@ticker")).get().extracting(StreamName::kind).isEqualTo(Kind.TICKER);
  }

  @Test
  void canonicalNamesHaveTheSymbolInLowerCaseAndTheApiSymbolInUpperCase() {
    StreamName name = StreamName.parse("BTCUSDT@trade").orElseThrow();
    assertThat(name.name()).isEqualTo("btcusdt@trade");
    assertThat(name.symbol()).isEqualTo("BTCUSDT");
  }

  @Test
  void refusesWhatIsNoStream() {
    assertThat(StreamName.parse("0")).isEmpty();
    assertThat(StreamName.parse("btcusdt@depth7")).isEmpty();
    assertThat(StreamName.parse("btcusdt@kline_2m")).isEmpty();
    assertThat(StreamName.parse("btcusdt@TRADE")).isEmpty();
    assertThat(StreamName.parse("@trade")).isEmpty();
    assertThat(StreamName.parse("btc-usdt@trade")).isEmpty();
  }
}
