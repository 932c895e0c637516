package castle.accounts;

import static castle.accounts.support.Market.BTC;
import static castle.accounts.support.Market.USDT;
import static castle.accounts.support.Market.units;
import static castle.schema.orders.Side.BUY;
import static castle.schema.orders.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import castle.accounts.support.AccountsDriver.Step;
import castle.accounts.support.MatchingReports.Working;
import castle.accounts.support.Orders;
import castle.schema.orders.AcceptedOrder;
import castle.schema.orders.OrderType;
import castle.schema.orders.PlaceOrder;
import castle.schema.orders.TimeInForce;
import castle.schema.wallet.LedgerCause;
import castle.schema.wallet.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The reservation table of the contract, row by row, and the release of budgets. */
class ReservationTest extends AccountsScenario {

  @ParameterizedTest
  @EnumSource(value = OrderType.class, names = {"LIMIT", "LIMIT_MAKER", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"})
  void aLimitPricedBuyLocksItsNotionalRoundedUp(OrderType type) {
    // Given Alice in fee tier 1 with 1,000 USDT
    accounts.verifiedUser(ALICE, 1, 1);
    accounts.deposit(ALICE, USDT, "1000");
    PlaceOrder order = Orders.order(BUY, type, TimeInForce.GTC)
        .setPrice(units("30000.01")).setQuantity(units("0.00333"))
        .setStopPrice(type.name().contains("_") && type != OrderType.LIMIT_MAKER ? units("29000") : 0)
        .build();

    // When she buys 0.00333 BTC at 30,000.01
    Step step = accounts.place(ALICE, order);

    // Then 99.9000333 USDT moves from free to locked, and matching learns the amount and her rates
    AcceptedOrder accepted = (AcceptedOrder) step.onlyAccepted().getAction();
    assertThat(accepted.getReserved()).isEqualTo(units("99.9000333"));
    assertThat(accepted.getMakerFeePpm()).isEqualTo(900);
    assertThat(accepted.getTakerFeePpm()).isEqualTo(1000);
    assertThat(accepted.getOrder()).isEqualTo(order);
    assertThat(accounts.free(ALICE, USDT)).isEqualTo(units("900.0999667"));
    assertThat(accounts.locked(ALICE, USDT)).isEqualTo(units("99.9000333"));
    LedgerEntry reserve = step.ledger().get(0);
    assertThat(reserve.getCause()).isEqualTo(LedgerCause.ORDER_RESERVE);
    assertThat(reserve.getCauseId()).isEqualTo(Long.toString(order.getOrderId()));
    assertThat(reserve.getDeltaFree()).isEqualTo(-units("99.9000333"));
    assertThat(reserve.getDeltaLocked()).isEqualTo(units("99.9000333"));
    assertThat(accounts.queries().order(ALICE, "BTCUSDT", order.getOrderId()).orElseThrow().getReservedRemaining())
        .isEqualTo(units("99.9000333"));
  }

  @Test
  void aMarketBuyForAQuoteAmountLocksThatAmount() {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, USDT, "1000");

    Step step = accounts.place(ALICE, Orders.marketQuote(BUY, "250"));

    assertThat(((AcceptedOrder) step.onlyAccepted().getAction()).getReserved()).isEqualTo(units("250"));
    assertThat(accounts.locked(ALICE, USDT)).isEqualTo(units("250"));
  }

  @Test
  void aMarketBuyForAQuantityLocksTheWholeFreeQuoteAsItsBudgetAndReleasesWhatItDidNotSpend() {
    // Given Alice with 1,000 USDT and Bob selling 0.01 BTC at 30,000
    accounts.verifiedUser(ALICE);
    accounts.verifiedUser(BOB);
    accounts.deposit(ALICE, USDT, "1000");
    accounts.deposit(BOB, BTC, "1");
    Working ask = accepted(BOB, Orders.limit(SELL, "30000", "0.01"));

    // When she buys 0.02 BTC at market
    Working buy = accepted(ALICE, Orders.marketQty(BUY, "0.02"));

    // Then her whole free balance is the budget
    assertThat(((AcceptedOrder) buy.command().getAction()).getReserved()).isEqualTo(units("1000"));
    assertThat(accounts.free(ALICE, USDT)).isZero();

    // When the book runs out after 0.01 BTC and the order expires
    accounts.executions(matching.trade(buy, ask, "0.01", "30000"));
    Step expired = accounts.execution(matching.expired(buy, ""));

    // Then what the 300 USDT fill did not use returns to free
    assertThat(expired.ledger()).singleElement()
        .satisfies(e -> assertThat(e.getCause()).isEqualTo(LedgerCause.ORDER_RELEASE))
        .satisfies(e -> assertThat(e.getDeltaFree()).isEqualTo(units("700")));
    assertThat(accounts.free(ALICE, USDT)).isEqualTo(units("700"));
    assertThat(accounts.locked(ALICE, USDT)).isZero();
    assertThat(accounts.free(ALICE, BTC)).isEqualTo(units("0.00999"));
  }

  @Test
  void aMarketBuyBudgetIsCappedByTheTiersMaximumNotional() {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, USDT, "150000");

    Step step = accounts.place(ALICE, Orders.marketQty(BUY, "1"));

    assertThat(((AcceptedOrder) step.onlyAccepted().getAction()).getReserved()).isEqualTo(units("100000"));
    assertThat(accounts.free(ALICE, USDT)).isEqualTo(units("50000"));
  }

  @ParameterizedTest
  @EnumSource(value = OrderType.class, names = {"STOP_LOSS", "TAKE_PROFIT"})
  void aStopMarketBuyLocksItsQuantityAtFivePercentAboveTheStopPrice(OrderType type) {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, USDT, "1000");

    Step step = accounts.place(ALICE,
        Orders.order(BUY, type, TimeInForce.GTC).setStopPrice(units("30000")).setQuantity(units("0.01")).build());

    assertThat(((AcceptedOrder) step.onlyAccepted().getAction()).getReserved()).isEqualTo(units("315"));
  }

  @ParameterizedTest
  @EnumSource(OrderType.class)
  void aSellForAQuantityLocksThatQuantityOfBase(OrderType type) {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, BTC, "1");
    PlaceOrder.Builder order = Orders.order(SELL, type, TimeInForce.GTC).setQuantity(units("0.25"));
    if (type != OrderType.MARKET && type != OrderType.STOP_LOSS && type != OrderType.TAKE_PROFIT) {
      order.setPrice(units("30000"));
    }
    if (type.name().startsWith("STOP") || type.name().startsWith("TAKE")) {
      order.setStopPrice(units("29000"));
    }

    Step step = accounts.place(ALICE, order.build());

    assertThat(((AcceptedOrder) step.onlyAccepted().getAction()).getReserved()).isEqualTo(units("0.25"));
    assertThat(accounts.free(ALICE, BTC)).isEqualTo(units("0.75"));
    assertThat(accounts.locked(ALICE, BTC)).isEqualTo(units("0.25"));
  }

  @Test
  void aMarketSellForAQuoteAmountLocksTheWholeFreeBaseAndReleasesTheRest() {
    // Given Alice with 0.5 BTC and Bob bidding 0.01 BTC at 30,000
    accounts.verifiedUser(ALICE);
    accounts.verifiedUser(BOB);
    accounts.deposit(ALICE, BTC, "0.5");
    accounts.deposit(BOB, USDT, "1000");
    Working bid = accepted(BOB, Orders.limit(BUY, "30000", "0.01"));

    // When she sells for 300 USDT at market, which fills against Bob's bid
    Working sell = accepted(ALICE, Orders.marketQuote(SELL, "300"));
    assertThat(accounts.locked(ALICE, BTC)).isEqualTo(units("0.5"));
    accounts.executions(matching.trade(sell, bid, "0.01", "30000"));
    accounts.execution(matching.expired(sell, ""));

    // Then she keeps the 0.49 BTC she did not sell, and gets 300 USDT minus 0.1%
    assertThat(accounts.free(ALICE, BTC)).isEqualTo(units("0.49"));
    assertThat(accounts.locked(ALICE, BTC)).isZero();
    assertThat(accounts.free(ALICE, USDT)).isEqualTo(units("299.7"));
  }
}
