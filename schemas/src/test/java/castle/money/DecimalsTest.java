package castle.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import castle.money.DecimalFormatException.Reason;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DecimalsTest {

  @ParameterizedTest
  @CsvSource({
    "30000.00000000, 8, 3000000000000",
    "0.00000001, 8, 1",
    "1, 8, 100000000",
    "1.5, 2, 150",
    "1.500000000000, 2, 150",
    "007.25, 2, 725",
    "0, 0, 0"
  })
  void parsesPlainDecimals(String text, int scale, long units) {
    assertThat(Decimals.parse(text, scale)).isEqualTo(units);
  }

  @ParameterizedTest
  @CsvSource({
    "'', MALFORMED",
    "-1, MALFORMED",
    "+1, MALFORMED",
    "1e5, MALFORMED",
    "1E-2, MALFORMED",
    "' 1', MALFORMED",
    "1.2.3, MALFORMED",
    ".5, MALFORMED",
    "5., MALFORMED",
    "NaN, MALFORMED",
    "0x10, MALFORMED",
    "1.000000001, TOO_PRECISE",
    "92233720368.54775808, OUT_OF_RANGE",
    "99999999999999999999999, OUT_OF_RANGE"
  })
  void refusesWhatIsNotAnExactPlainDecimal(String text, Reason reason) {
    assertThatThrownBy(() -> Decimals.parse(text, 8))
        .isInstanceOfSatisfying(
            DecimalFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void refusesOverlongStringsBeforeParsing() {
    assertThatThrownBy(() -> Decimals.parse("1".repeat(41), 0))
        .isInstanceOfSatisfying(
            DecimalFormatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  @ParameterizedTest
  @CsvSource({
    "3000000000000, 8, 30000.00000000",
    "1, 8, 0.00000001",
    "150, 2, 1.50000000",
    "-150, 2, -1.50000000",
    "-1, 8, -0.00000001",
    "5, 0, 5.00000000",
    "-9223372036854775808, 0, -9223372036854775808.00000000"
  })
  void formatsWithAtLeastEightDecimals(long units, int scale, String text) {
    assertThat(Decimals.format(units, scale)).isEqualTo(text);
  }

  @Property(tries = 5_000)
  void formatThenParseIsIdentity(
      @ForAll @LongRange(min = 0) long units, @ForAll @IntRange(min = 0, max = 18) int scale) {
    String text = Decimals.format(units, scale);

    assertThat(Decimals.parse(text, scale)).isEqualTo(units);
    assertThat(new BigDecimal(text)).isEqualByComparingTo(BigDecimal.valueOf(units, scale));
  }
}
