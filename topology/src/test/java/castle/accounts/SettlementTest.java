package castle.accounts;

import static castle.accounts.support.Market.BTC;
import static castle.accounts.support.Market.BTCUSDT;
import static castle.accounts.support.Market.USDT;
import static castle.accounts.support.Market.units;
import static castle.schema.orders.Side.BUY;
import static castle.schema.orders.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import castle.accounts.support.AccountsDriver.Step;
import castle.accounts.support.MatchingReports.Working;
import castle.accounts.support.Orders;
import castle.orders.RejectReason;
import castle.schema.accounts.AccountTrade;
import castle.schema.accounts.OrderState;
import castle.schema.orders.CommandKind;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.orders.OrderStatus;
import castle.schema.orders.OrderType;
import castle.schema.orders.TimeInForce;
import castle.schema.wallet.FeeCredit;
import castle.schema.wallet.LedgerEntry;
import castle.schema.wallet.WalletCommand;
import java.util.List;
import java.util.OptionalLong;
import castle.accounts.query.Page;
import org.junit.jupiter.api.Test;

/** Step 3 of the contract: fills settle both sides, fees reach the fee account, final events release. */
class SettlementTest extends AccountsScenario {

  @Test
  void aFillPaysTheSellerAndTheBuyerEachMinusTheirFeeAndReturnsThePriceImprovement() {
    // Given Bob (fee tier 1: maker 0.09%) asking 0.5 BTC at 29,500 and Alice (0.1%) bidding 30,000
    accounts.verifiedUser(ALICE, 1, 0);
    accounts.verifiedUser(BOB, 1, 1);
    accounts.deposit(ALICE, USDT, "20000");
    accounts.deposit(BOB, BTC, "1");
    Working ask = accepted(BOB, Orders.limit(SELL, "29500", "0.5"));
    Working bid = accepted(ALICE, Orders.limit(BUY, "30000", "0.5"));

    // When her bid takes his ask at his price
    Step fill = accounts.executions(matching.trade(bid, ask, "0.5", "29500"));

    // Then she pays 14,750 of the 15,000 she reserved and gets 0.5 BTC minus 0.1%
    assertThat(accounts.free(ALICE, USDT)).isEqualTo(units("5250"));
    assertThat(accounts.locked(ALICE, USDT)).isZero();
    assertThat(accounts.free(ALICE, BTC)).isEqualTo(units("0.4995"));
    // ...he delivers 0.5 BTC and gets 14,750 USDT minus 0.09%
    assertThat(accounts.free(BOB, BTC)).isEqualTo(units("0.5"));
    assertThat(accounts.locked(BOB, BTC)).isZero();
    assertThat(accounts.free(BOB, USDT)).isEqualTo(units("14736.725"));
    // ...and both commissions reach the fee account through FeeCredits on wallet.commands
    assertThat(accounts.fees(BTC)).isEqualTo(units("0.0005"));
    assertThat(accounts.fees(USDT)).isEqualTo(units("13.275"));
    assertThat(fill.walletCommands()).extracting(WalletCommand::getAccountId).containsOnly(FeeAccount.ID);
    assertThat(fill.walletCommands()).extracting(c -> ((FeeCredit) c.getAction()).getPayerAccountId())
        .containsExactly(ALICE, BOB);
    assertThat(fill.outcomes()).extracting(o -> o.getKind(), o -> o.getAccepted())
        .containsOnly(tuple("FEE_CREDIT", true));
    // ...with one ledger entry per balance change, each naming the trade
    assertThat(fill.ledger()).filteredOn(e -> e.getAccountId() == ALICE)
        .extracting(LedgerEntry::getAsset, e -> e.getCause().name(), LedgerEntry::getDeltaFree, LedgerEntry::getDeltaLocked)
        .containsExactly(
            tuple(USDT, "TRADE", units("250"), -units("15000")),
            tuple(BTC, "TRADE", units("0.5"), 0L),
            tuple(BTC, "FEE", -units("0.0005"), 0L));
    assertThat(fill.ledger()).extracting(LedgerEntry::getCauseId).containsOnly("1");
    // ...and both orders are history, with the fill in each account's trades
    assertThat(accounts.queries().openOrders(ALICE)).isEmpty();
    assertThat(accounts.queries().order(ALICE, BTCUSDT, bid.orderId()).orElseThrow().getStatus())
        .isEqualTo(OrderStatus.FILLED);
    assertThat(accounts.queries().trades(ALICE, BTCUSDT, OptionalLong.empty(), Page.latest(10)))
        .extracting(AccountTrade::getTradeId, AccountTrade::getIsBuyer, AccountTrade::getIsMaker,
            AccountTrade::getCommission, AccountTrade::getCommissionAsset, AccountTrade::getQuoteQty)
        .containsExactly(tuple(1L, true, false, units("0.0005"), BTC, units("14750")));
    assertThat(accounts.queries().trades(BOB, BTCUSDT, OptionalLong.empty(), Page.latest(10)))
        .extracting(AccountTrade::getIsBuyer, AccountTrade::getIsMaker, AccountTrade::getCommission)
        .containsExactly(tuple(false, true, units("13.275")));
  }

  @Test
  void aCancelAfterAPartialFillReleasesTheRest() {
    accounts.verifiedUser(ALICE);
    accounts.verifiedUser(BOB);
    accounts.deposit(ALICE, USDT, "40000");
    accounts.deposit(BOB, BTC, "1");
    Working bid = accepted(ALICE, Orders.limit(BUY, "30000", "1"));
    Working ask = accepted(BOB, Orders.limit(SELL, "30000", "0.4"));
    accounts.executions(matching.trade(ask, bid, "0.4", "30000"));
    assertThat(accounts.locked(ALICE, USDT)).isEqualTo(units("18000"));

    Step canceled = accounts.execution(matching.canceled(bid, 99));

    assertThat(canceled.ledger()).extracting(e -> e.getCause().name(), LedgerEntry::getDeltaFree, LedgerEntry::getDeltaLocked)
        .containsExactly(tuple("ORDER_RELEASE", units("18000"), -units("18000")));
    assertThat(accounts.free(ALICE, USDT)).isEqualTo(units("28000"));
    assertThat(accounts.locked(ALICE, USDT)).isZero();
    OrderState order = accounts.queries().order(ALICE, BTCUSDT, bid.orderId()).orElseThrow();
    assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELED);
    assertThat(order.getExecutedQty()).isEqualTo(units("0.4"));
    assertThat(order.getReservedRemaining()).isZero();
    assertThat(accounts.queries().openOrders(ALICE, BTCUSDT)).isEmpty();
  }

  @Test
  void anExpiredOrderReleasesWhatItStillHolds() {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, BTC, "1");
    Working ioc = accepted(ALICE, Orders.order(SELL, OrderType.LIMIT, TimeInForce.IOC)
        .setPrice(units("30000")).setQuantity(units("0.3")).build());

    accounts.execution(matching.placed(ioc));
    accounts.execution(matching.expired(ioc, ""));

    assertThat(accounts.free(ALICE, BTC)).isEqualTo(units("1"));
    assertThat(accounts.queries().order(ALICE, BTCUSDT, ioc.orderId()).orElseThrow().getStatus())
        .isEqualTo(OrderStatus.EXPIRED);
  }

  @Test
  void anOrderMatchingRejectsReleasesItsReservationAndStaysQueryableAsRejected() {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, USDT, "1000");
    Working maker = accepted(ALICE, Orders.order(BUY, OrderType.LIMIT_MAKER, TimeInForce.GTC)
        .setPrice(units("30000")).setQuantity(units("0.01")).build());

    accounts.execution(matching.rejected(maker, RejectReason.WOULD_TAKE.message()));

    assertThat(accounts.free(ALICE, USDT)).isEqualTo(units("1000"));
    OrderState order = accounts.queries().order(ALICE, BTCUSDT, maker.orderId()).orElseThrow();
    assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
    assertThat(order.getReason()).isEqualTo(RejectReason.WOULD_TAKE.message());
  }

  @Test
  void aSelfTradeSettlesBothSidesOfTheSameAccount() {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, USDT, "3000");
    accounts.deposit(ALICE, BTC, "0.1");
    Working ask = accepted(ALICE, Orders.limit(SELL, "30000", "0.1"));
    Working bid = accepted(ALICE, Orders.limit(BUY, "30000", "0.1"));

    accounts.executions(matching.trade(bid, ask, "0.1", "30000"));

    assertThat(accounts.free(ALICE, USDT)).isEqualTo(units("2997"));
    assertThat(accounts.free(ALICE, BTC)).isEqualTo(units("0.0999"));
    assertThat(accounts.queries().trades(ALICE, BTCUSDT, OptionalLong.empty(), Page.latest(10)))
        .extracting(AccountTrade::getTradeId, AccountTrade::getIsBuyer)
        .containsExactly(tuple(1L, true), tuple(1L, false));
  }

  @Test
  void aStopOrderStartsWorkingWhenMatchingReportsItTriggered() {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, BTC, "1");
    Working stop = accepted(ALICE, Orders.order(SELL, OrderType.STOP_LOSS_LIMIT, TimeInForce.GTC)
        .setPrice(units("28000")).setStopPrice(units("29000")).setQuantity(units("0.5")).build());
    assertThat(accounts.queries().order(ALICE, BTCUSDT, stop.orderId()).orElseThrow().getIsWorking()).isFalse();

    Execution triggered = matching.placed(stop);
    triggered.setExecutionType(ExecutionType.TRIGGERED);
    triggered.setIsWorking(true);
    accounts.execution(triggered);

    OrderState order = accounts.queries().order(ALICE, BTCUSDT, stop.orderId()).orElseThrow();
    assertThat(order.getIsWorking()).isTrue();
    assertThat(order.getWorkingTime()).isEqualTo(accounts.now());
    assertThat(order.getStatus()).isEqualTo(OrderStatus.NEW);
  }

  @Test
  void aRefusedCancelLeavesTheOrderAndItsReservationAlone() {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, USDT, "1000");
    Working bid = accepted(ALICE, Orders.limit(BUY, "30000", "0.01"));
    Execution refused = matching.rejected(bid, RejectReason.UNKNOWN_ORDER.message());
    refused.setCommandKind(CommandKind.CANCEL);

    accounts.execution(refused);

    assertThat(accounts.locked(ALICE, USDT)).isEqualTo(units("300"));
    assertThat(accounts.queries().openOrders(ALICE)).extracting(OrderState::getOrderId).containsExactly(bid.orderId());
  }

  @Test
  void aFillThatDoesNotAddUpStopsTheAppInsteadOfMovingMoney() {
    accounts.verifiedUser(ALICE);
    accounts.verifiedUser(BOB);
    accounts.deposit(ALICE, USDT, "1000");
    accounts.deposit(BOB, BTC, "1");
    Working bid = accepted(ALICE, Orders.limit(BUY, "30000", "0.01"));
    Working ask = accepted(BOB, Orders.limit(SELL, "30000", "0.01"));
    List<Execution> aboveTheLimit = matching.trade(bid, ask, "0.01", "30000.01");
    List<Execution> wrongFee = matching.trade(bid, ask, "0.01", "30000");
    wrongFee.get(0).setCommission(0);

    assertThatThrownBy(() -> accounts.execution(aboveTheLimit.get(0))).hasStackTraceContaining("exceeds what");
    assertThatThrownBy(() -> accounts.execution(wrongFee.get(0))).hasStackTraceContaining("does not add up");
    assertThat(accounts.locked(ALICE, USDT)).isEqualTo(units("300"));
  }

  @Test
  void aFillOfAnOrderAccountsNeverAcceptedStopsTheApp() {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, USDT, "1000");
    Working bid = accepted(ALICE, Orders.limit(BUY, "30000", "0.01"));
    Working ghost = accepted(ALICE, Orders.limit(BUY, "30000", "0.01"));
    accounts.execution(matching.canceled(ghost, 5));

    assertThatThrownBy(() -> accounts.execution(matching.trade(bid, ghost, "0.01", "30000").get(1)))
        .hasStackTraceContaining("does not hold open");
  }
}
