package castle.sinks.timestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import castle.schema.market.Candle;
import castle.sinks.kit.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleLinesTest {

  @Test
  void aCandleIsOneLineOfIntegerFieldsAtItsOpenTimeInMilliseconds() {
    Candle candle = Fixtures.candle(1_732_600_020_000L, 2, 3_000_050_000_000L, true);

    String line = CandleLines.line("candles", candle);

    assertThat(line).startsWith("candles,interval=1m,symbol=BTCUSDT open=3000000000000i,high=3000050000000i,")
        .contains(",version=2i,base_scale=8i,quote_scale=8i,closed=true ")
        .endsWith(" 1732600020000")
        .doesNotContain(".");
  }

  @Test
  void namesAndTagsAreEscapedAndLineBreaksRefused() {
    assertThat(CandleLines.escapeMeasurement("my candles,v2")).isEqualTo("my\\ candles\\,v2");
    assertThat(CandleLines.escapeTag("a=b c,d")).isEqualTo("a\\=b\\ c\\,d");
    assertThatThrownBy(() -> CandleLines.escapeTag("x\ny")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CandleLines.escapeTag("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyTheNewestEmissionOfEachCandleIsWrittenFromABatch() {
    Candle v1 = Fixtures.candle(0, 1, 1, false);
    Candle other = Fixtures.candle(60_000, 1, 1, false);
    Candle v3 = Fixtures.candle(0, 3, 3, true);
    Candle v2 = Fixtures.candle(0, 2, 2, false);

    assertThat(CandleKey.newestOfEach(List.of(v1, other, v3, v2))).containsExactly(v3, other);
  }
}
