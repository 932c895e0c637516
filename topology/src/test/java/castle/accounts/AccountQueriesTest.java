package castle.accounts;

import static castle.accounts.support.Market.BTC;
import static castle.accounts.support.Market.BTCUSDT;
import static castle.accounts.support.Market.ETHBTC;
import static castle.accounts.support.Market.USDT;
import static castle.schema.orders.Side.BUY;
import static castle.schema.orders.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import castle.accounts.query.Page;
import castle.accounts.support.MatchingReports.Working;
import castle.accounts.support.Orders;
import castle.schema.accounts.AccountTrade;
import castle.schema.accounts.Balance;
import castle.schema.accounts.OrderState;
import castle.schema.orders.OrderStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway's reads: balances, one order, open orders, allOrders and myTrades paging. */
class AccountQueriesTest extends AccountsScenario {

  /** Alice's five BTCUSDT bids, one a minute; the first two filled by Bob, the third cancelled. */
  private final List<Working> bids = new ArrayList<>();
  private long firstBidTime;

  @BeforeEach
  void aliceTradedAWhile() {
    accounts.verifiedUser(ALICE);
    accounts.verifiedUser(BOB);
    accounts.deposit(ALICE, USDT, "10000");
    accounts.deposit(BOB, BTC, "1");
    firstBidTime = accounts.now();
    for (int i = 0; i < 5; i++) {
      bids.add(accepted(ALICE, Orders.withClientId(Orders.limit(BUY, "30000", "0.01"), "bid-" + i)));
      accounts.advance(Duration.ofMinutes(1));
    }
    for (int i = 0; i < 2; i++) {
      Working ask = accepted(BOB, Orders.limit(SELL, "30000", "0.01"));
      accounts.executions(matching.trade(ask, bids.get(i), "0.01", "30000"));
      accounts.advance(Duration.ofMinutes(1));
    }
    accounts.execution(matching.canceled(bids.get(2), 1));
    accepted(ALICE, Orders.limit(BUY, "29000", "0.01"));
    accounts.place(ALICE, ETHBTC, Orders.limit(BUY, "0.05", "0.1"));
  }

  @Test
  void balancesListEveryAssetTheAccountHeld() {
    assertThat(accounts.queries().balances(ALICE)).extracting(Balance::getAsset).containsExactly(BTC, USDT);
    assertThat(accounts.queries().balances(BOB)).extracting(Balance::getAsset).containsExactly(BTC, USDT);
    assertThat(accounts.queries().account(ALICE).orElseThrow().getKycTier()).isEqualTo(1);
  }

  @Test
  void anOrderIsFoundByIdOrClientIdWhetherOpenOrFinal() {
    assertThat(accounts.queries().order(ALICE, BTCUSDT, bids.get(0).orderId()).orElseThrow().getStatus())
        .isEqualTo(OrderStatus.FILLED);
    assertThat(accounts.queries().order(ALICE, BTCUSDT, bids.get(4).orderId()).orElseThrow().getStatus())
        .isEqualTo(OrderStatus.NEW);
    assertThat(accounts.queries().orderByClientOrderId(ALICE, BTCUSDT, "bid-2").orElseThrow().getStatus())
        .isEqualTo(OrderStatus.CANCELED);
    assertThat(accounts.queries().orderByClientOrderId(ALICE, ETHBTC, "bid-2")).isEmpty();
    assertThat(accounts.queries().order(BOB, BTCUSDT, bids.get(0).orderId())).isEmpty();
    assertThat(accounts.queries().order(ALICE, BTCUSDT, 12345L)).isEmpty();
  }

  @Test
  void openOrdersAreListedPerAccountOrPerSymbol() {
    assertThat(accounts.queries().openOrders(ALICE, BTCUSDT)).extracting(OrderState::getOrderId)
        .containsExactly(bids.get(3).orderId(), bids.get(4).orderId(), ordersAfterBids().get(0));
    assertThat(accounts.queries().openOrders(ALICE)).hasSize(4);
    assertThat(accounts.queries().openOrders(ALICE, ETHBTC)).hasSize(1);
  }

  @Test
  void allOrdersPagesByOrderIdOrTimeOrFromTheNewest() {
    List<Long> all = new ArrayList<>(bids.stream().map(Working::orderId).toList());
    all.addAll(ordersAfterBids());

    assertThat(ids(accounts.queries().allOrders(ALICE, BTCUSDT, Page.latest(500)))).isEqualTo(all);
    assertThat(ids(accounts.queries().allOrders(ALICE, BTCUSDT, Page.latest(2)))).isEqualTo(all.subList(4, 6));
    assertThat(ids(accounts.queries().allOrders(ALICE, BTCUSDT, Page.fromId(all.get(2), 2)))).isEqualTo(all.subList(2, 4));
    long minute = Duration.ofMinutes(1).toMillis();
    assertThat(ids(accounts.queries().allOrders(ALICE, BTCUSDT,
        Page.between(firstBidTime + minute, firstBidTime + 3 * minute, 500)))).isEqualTo(all.subList(1, 4));
    assertThat(accounts.queries().allOrders(BOB, BTCUSDT, Page.latest(500))).hasSize(2);
  }

  @Test
  void myTradesPagesByTradeIdTimeOrOrder() {
    List<AccountTrade> trades = accounts.queries().trades(ALICE, BTCUSDT, OptionalLong.empty(), Page.latest(500));
    assertThat(trades).extracting(AccountTrade::getTradeId).containsExactly(1L, 2L);
    assertThat(trades).extracting(AccountTrade::getIsMaker).containsExactly(true, true);

    assertThat(accounts.queries().trades(ALICE, BTCUSDT, OptionalLong.empty(), Page.fromId(2, 10)))
        .extracting(AccountTrade::getTradeId).containsExactly(2L);
    assertThat(accounts.queries().trades(ALICE, BTCUSDT, OptionalLong.of(bids.get(1).orderId()), Page.latest(10)))
        .extracting(AccountTrade::getTradeId).containsExactly(2L);
    assertThat(accounts.queries().trades(ALICE, BTCUSDT, OptionalLong.of(bids.get(4).orderId()), Page.latest(10)))
        .isEmpty();
    long tradeTime = trades.get(1).getTime();
    assertThat(accounts.queries().trades(ALICE, BTCUSDT, OptionalLong.empty(), Page.between(tradeTime, tradeTime, 10)))
        .extracting(AccountTrade::getTradeId).containsExactly(2L);
    assertThat(accounts.queries().trades(ALICE, ETHBTC, OptionalLong.empty(), Page.latest(10))).isEmpty();
  }

  private List<Long> ordersAfterBids() {
    return accounts.queries().openOrders(ALICE, BTCUSDT).stream()
        .map(OrderState::getOrderId).filter(id -> id > bids.get(4).orderId()).toList();
  }

  private static List<Long> ids(List<OrderState> orders) {
    return orders.stream().map(OrderState::getOrderId).toList();
  }
}
