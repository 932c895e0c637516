package castle.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FixedPointTest {

  @Property(tries = 20_000)
  void mulDivAgreesWithBigIntegerWheneverTheResultFits(
      @ForAll @LongRange(min = 0) long a,
      @ForAll @LongRange(min = 0) long b,
      @ForAll @LongRange(min = 1) long divisor) {
    BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
    BigInteger[] qr = exact.divideAndRemainder(BigInteger.valueOf(divisor));
    BigInteger ceil = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    if (qr[0].bitLength() < 64) {
      assertThat(FixedPoint.mulDiv(a, b, divisor)).isEqualTo(qr[0].longValueExact());
    } else {
      assertThatThrownBy(() -> FixedPoint.mulDiv(a, b, divisor))
          .isInstanceOf(ArithmeticException.class);
    }
    if (ceil.bitLength() < 64) {
      assertThat(FixedPoint.mulDivCeil(a, b, divisor)).isEqualTo(ceil.longValueExact());
    } else {
      assertThatThrownBy(() -> FixedPoint.mulDivCeil(a, b, divisor))
          .isInstanceOf(ArithmeticException.class);
    }
  }

  @Property(tries = 5_000)
  void notionalOfRealisticPricesNeverOverflows(
      @ForAll @LongRange(min = 1, max = 100_000_000_000_000L) long price,
      @ForAll @LongRange(min = 1, max = 9_000_000_000_000L) long qty) {
    BigDecimal expected =
        new BigDecimal(price)
            .multiply(new BigDecimal(qty))
            .divide(new BigDecimal(100_000_000L), 0, RoundingMode.FLOOR);

    assertThat(FixedPoint.notional(price, qty, 8)).isEqualTo(expected.longValueExact());
  }

  @Test
  void notionalOfThirtyThousandTimesOneAndAHalf() {
    long price = 3_000_000_000_000L; // 30000.00000000
    long qty = 150_000_000L; // 1.50000000

    assertThat(FixedPoint.notional(price, qty, 8)).isEqualTo(4_500_000_000_000L);
  }

  @Test
  void feeRoundsDown() {
    assertThat(FixedPoint.fee(999, 1_000)).isZero();
    assertThat(FixedPoint.fee(1_000_000, 1_000)).isEqualTo(1_000);
  }

  @Test
  void rescaleRefusesInexactResults() {
    assertThat(FixedPoint.rescale(1_500, 3, 1)).isEqualTo(15);
    assertThat(FixedPoint.rescale(15, 1, 8)).isEqualTo(150_000_000L);
    assertThatThrownBy(() -> FixedPoint.rescale(1_501, 3, 1)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void negativeOperandsAndBadScalesAreRefused() {
    assertThatThrownBy(() -> FixedPoint.mulDiv(-1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FixedPoint.mulDiv(1, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FixedPoint.pow10(19)).isInstanceOf(IllegalArgumentException.class);
  }
}
