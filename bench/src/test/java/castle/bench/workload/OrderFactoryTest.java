package castle.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import castle.bench.binance.Credentials;
import castle.bench.workload.OrderMix.Action;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OrderFactoryTest {

  private static final SymbolSpec BTCUSDT = new SymbolSpec(
      "BTCUSDT", new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("30000"), new BigDecimal("0.001"));
  private static final Pattern PRICE = Pattern.compile("price=([0-9.]+)");

  @Test
  void passiveOrdersRestOnTheirOwnSideOfTheMidAndCrossingOnesReachThrough() {
    OrderFactory factory = new OrderFactory(OrderMix.parse("passive=1,cross=1"), List.of(BTCUSDT), 0, "r");
    Trader trader = new Trader(new Credentials("k", "s"), 10);
    SplittableRandom random = new SplittableRandom(1);
    BigDecimal mid = BTCUSDT.mid();

    for (int i = 0; i < 2_000; i++) {
      OrderRequest request = factory.next(i, trader, random);
      BigDecimal price = price(request);
      boolean buy = request.params().contains("side=BUY");
      assertThat(price.remainder(BTCUSDT.tickSize())).isZero();
      if (request.action() == Action.PASSIVE) {
        assertThat(buy ? price.compareTo(mid) < 0 : price.compareTo(mid) > 0).as(request.params()).isTrue();
      } else {
        assertThat(price).isEqualByComparingTo(buy ? new BigDecimal("30000.10") : new BigDecimal("29999.90"));
      }
      assertThat(request.params()).contains("newOrderRespType=ACK").contains("newClientOrderId=ro" + i);
    }
  }

  @Test
  void aCancelTakesTheTradersOldestRememberedOrder() {
    OrderFactory factory = new OrderFactory(OrderMix.parse("cancel=1"), List.of(BTCUSDT), 1, "r");
    Trader trader = new Trader(new Credentials("k", "s"), 2);
    trader.resting("BTCUSDT", 10);
    trader.resting("BTCUSDT", 11);
    trader.resting("BTCUSDT", 12);
    trader.ended("BTCUSDT", 12);

    OrderRequest request = factory.next(0, trader, new SplittableRandom(3));

    assertThat(request.action()).isEqualTo(Action.CANCEL);
    assertThat(request.params()).as("10 was forgotten to keep two, 12 ended").isEqualTo(
        "symbol=BTCUSDT&orderId=11&newClientOrderId=rc0");
    assertThat(trader.restingCount("BTCUSDT")).isZero();
  }

  @Test
  void aCancelWithNothingToCancelPlacesAPassiveOrder() {
    OrderFactory factory = new OrderFactory(OrderMix.parse("cancel=1"), List.of(BTCUSDT), 1, "r");

    OrderRequest request = factory.next(0, new Trader(new Credentials("k", "s"), 10), new SplittableRandom(5));

    assertThat(request.action()).isEqualTo(Action.PASSIVE);
    assertThat(request.params()).contains("newOrderRespType=FULL");
  }

  @Test
  void marketBuysSpendAQuoteAmountAndMarketSellsGiveAQuantity() {
    OrderFactory factory = new OrderFactory(OrderMix.parse("market=1"), List.of(BTCUSDT), 0, "r");
    Trader trader = new Trader(new Credentials("k", "s"), 10);
    SplittableRandom random = new SplittableRandom(9);

    for (int i = 0; i < 200; i++) {
      String params = factory.next(i, trader, random).params();
      if (params.contains("side=BUY")) {
        assertThat(params).containsPattern("quoteOrderQty=(30|60|90|120|150)&").doesNotContain("quantity=");
      } else {
        assertThat(params).containsPattern("quantity=0\\.00[1-5]&").doesNotContain("quoteOrderQty");
      }
    }
  }

  private static BigDecimal price(OrderRequest request) {
    Matcher matcher = PRICE.matcher(request.params());
    assertThat(matcher.find()).as(request.params()).isTrue();
    return new BigDecimal(matcher.group(1));
  }
}
