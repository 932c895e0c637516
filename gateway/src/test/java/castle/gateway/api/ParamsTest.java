package castle.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import castle.schema.orders.Side;
import org.junit.jupiter.api.Test;

class ParamsTest {

  @Test
  void readsTheQueryThenTheBodyAndKeepsTheRawBytes() {
    Params params = Params.parse("symbol=BTCUSDT&timestamp=1", "side=BUY&quantity=0.50000000");

    assertThat(params.symbol()).isEqualTo("BTCUSDT");
    assertThat(params.requiredLong("timestamp")).isEqualTo(1);
    assertThat(params.requiredEnum("side", Side.class, ApiException::invalidSide)).isEqualTo(Side.BUY);
    assertThat(params.requiredDecimal("quantity", 8)).isEqualTo(50_000_000L);
    assertThat(params.rawQuery()).isEqualTo("symbol=BTCUSDT&timestamp=1");
    assertThat(params.rawBody()).isEqualTo("side=BUY&quantity=0.50000000");
    assertThat(params.optional("unknownButIgnored")).isEmpty();
  }

  @Test
  void refusesADuplicatedParameter() {
    assertThatThrownBy(() -> Params.parse("symbol=A&symbol=B", ""))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(-1101));
    assertThatThrownBy(() -> Params.parse("symbol=A", "symbol=B"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(-1101));
  }

  @Test
  void mapsBadValuesToBinanceCodes() {
    Params params = Params.parse(
        "quantity=1e5&price=0.123456789&orderId=-3&side=HOLD&empty=&limit=9999&symbol=btc%20usdt", "");

    assertCode(() -> params.requiredDecimal("quantity", 8), -1100);
    assertCode(() -> params.requiredDecimal("price", 8), -1111);
    assertCode(() -> params.requiredLong("orderId"), -1100);
    assertCode(() -> params.requiredEnum("side", Side.class, ApiException::invalidSide), -1117);
    assertCode(() -> params.optional("empty"), -1105);
    assertCode(() -> params.required("missing"), -1102);
    assertCode(() -> params.limit("limit", 500, 1000), -1100);
    assertCode(params::symbol, -1100);
  }

  @Test
  void refusesOverlongValuesAndBadEncoding() {
    assertCode(() -> Params.parse("newClientOrderId=" + "a".repeat(300), ""), -1100);
    assertCode(() -> Params.parse("a=%zz", ""), -1100);
  }

  private static void assertCode(Runnable call, int code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
