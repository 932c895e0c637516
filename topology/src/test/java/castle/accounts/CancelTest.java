package castle.accounts;

import static castle.accounts.support.Market.BTCUSDT;
import static castle.accounts.support.Market.USDT;
import static castle.schema.orders.Side.BUY;
import static org.assertj.core.api.Assertions.assertThat;

import castle.accounts.support.AccountsDriver.Step;
import castle.accounts.support.MatchingReports.Working;
import castle.accounts.support.Orders;
import castle.orders.RejectReason;
import castle.schema.orders.AcceptedCommand;
import castle.schema.orders.AcceptedOrder;
import castle.schema.orders.CancelAllOrders;
import castle.schema.orders.CancelOrder;
import castle.schema.orders.CommandKind;
import castle.schema.orders.Execution;
import castle.schema.orders.Side;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cancels: resolved to an open order and forwarded in order, or refused as UNKNOWN_ORDER. */
class CancelTest extends AccountsScenario {

  @BeforeEach
  void aliceCanTrade() {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, USDT, "1000");
  }

  @Test
  void aCancelByOrderIdGoesToMatchingWithoutTouchingTheReservation() {
    Working bid = accepted(ALICE, Orders.limit(BUY, "30000", "0.01"));

    Step step = accounts.cancel(ALICE, BTCUSDT, bid.orderId());

    AcceptedCommand forwarded = step.onlyAccepted();
    assertThat(forwarded.getSymbol()).isEqualTo(BTCUSDT);
    assertThat(((CancelOrder) forwarded.getAction()).getOrderId()).isEqualTo(bid.orderId());
    assertThat(step.ledger()).isEmpty();
    assertThat(accounts.locked(ALICE, USDT)).isPositive();
  }

  @Test
  void aCancelByClientOrderIdIsForwardedWithTheOrderIdFilledIn() {
    Working bid = accepted(ALICE, Orders.withClientId(Orders.limit(BUY, "30000", "0.01"), "my-bid"));

    Step step = accounts.cancelByClientId(ALICE, BTCUSDT, "my-bid");

    CancelOrder forwarded = (CancelOrder) step.onlyAccepted().getAction();
    assertThat(forwarded.getOrderId()).isEqualTo(bid.orderId());
    assertThat(forwarded.getOrigClientOrderId()).isEqualTo("my-bid");
  }

  @Test
  void aCancelNamingNoOrderIsRefusedAsUnknown() {
    Step byId = accounts.cancel(ALICE, BTCUSDT, 424242L);
    Step byClientId = accounts.cancelByClientId(ALICE, BTCUSDT, "nobody");

    assertThat(byId.rejection()).contains(RejectReason.UNKNOWN_ORDER);
    Execution rejected = byId.rejections().get(0);
    assertThat(rejected.getCommandKind()).isEqualTo(CommandKind.CANCEL);
    assertThat(rejected.getCommandComplete()).isTrue();
    assertThat(rejected.getOrderId()).isEqualTo(424242L);
    assertThat(byClientId.rejection()).contains(RejectReason.UNKNOWN_ORDER);
    assertThat(byClientId.rejections().get(0).getOrderId()).isZero();
    assertThat(byClientId.rejections().get(0).getOrigClientOrderId()).isEqualTo("nobody");
    assertThat(byId.accepted()).isEmpty();
  }

  @Test
  void aCancelOfAFinalOrderIsRefusedAndNamesThatOrder() {
    Working bid = accepted(ALICE, Orders.limit(BUY, "30000", "0.01"));
    accounts.execution(matching.canceled(bid, 1));

    Step again = accounts.cancel(ALICE, BTCUSDT, bid.orderId());

    assertThat(again.rejection()).contains(RejectReason.UNKNOWN_ORDER);
    assertThat(again.rejections().get(0).getSide()).isEqualTo(Side.BUY);
    assertThat(again.rejections().get(0).getOrigClientOrderId()).isEqualTo(bid.command().getAction() instanceof AcceptedOrder a
        ? a.getOrder().getClientOrderId() : null);
  }

  @Test
  void aCancelOnAnotherSymbolDoesNotFindTheOrder() {
    Working bid = accepted(ALICE, Orders.limit(BUY, "30000", "0.01"));

    assertThat(accounts.cancel(ALICE, "ETHBTC", bid.orderId()).rejection()).contains(RejectReason.UNKNOWN_ORDER);
  }

  @Test
  void cancelAllIsAlwaysForwardedAndCommandsKeepTheirOrder() {
    Step cancelAll = accounts.cancelAll(ALICE, BTCUSDT);
    assertThat(cancelAll.onlyAccepted().getAction()).isInstanceOf(CancelAllOrders.class);

    Working first = accepted(ALICE, Orders.limit(BUY, "30000", "0.01"));
    Step cancel = accounts.cancel(ALICE, BTCUSDT, first.orderId());
    Working second = accepted(ALICE, Orders.limit(BUY, "30000", "0.01"));

    assertThat(first.command().getCommandId()).isLessThan(cancel.onlyAccepted().getCommandId());
    assertThat(cancel.onlyAccepted().getCommandId()).isLessThan(second.command().getCommandId());
  }
}
