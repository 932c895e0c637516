package castle.accounts;

import static castle.accounts.support.Market.BTC;
import static castle.accounts.support.Market.BTCUSDT;
import static castle.accounts.support.Market.USDT;
import static castle.accounts.support.Market.units;
import static castle.orders.RejectReason.ACCOUNT_DISABLED;
import static castle.orders.RejectReason.DUPLICATE_ORDER;
import static castle.orders.RejectReason.INSUFFICIENT_BALANCE;
import static castle.orders.RejectReason.LOT_SIZE;
import static castle.orders.RejectReason.MARKET_CLOSED;
import static castle.orders.RejectReason.MARKET_LOT_SIZE;
import static castle.orders.RejectReason.NOTIONAL;
import static castle.orders.RejectReason.PRICE_FILTER;
import static castle.orders.RejectReason.TOO_MANY_OPEN_ORDERS;
import static castle.orders.RejectReason.UNKNOWN_SYMBOL;
import static castle.schema.orders.Side.BUY;
import static castle.schema.orders.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import castle.accounts.config.AccountsConfig;
import castle.accounts.query.Page;
import castle.accounts.support.AccountsDriver.Step;
import castle.accounts.support.Market;
import castle.accounts.support.MatchingReports.Working;
import castle.accounts.support.Orders;
import castle.schema.orders.CommandKind;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.orders.OrderStatus;
import castle.schema.orders.OrderType;
import castle.schema.orders.PlaceOrder;
import castle.schema.orders.TimeInForce;
import castle.schema.reference.SymbolStatus;
import castle.schema.users.KycStatus;
import castle.schema.users.UserEventType;
import castle.topology.StageStamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Step 1 of the contract: which PlaceOrder accounts refuses, why, and in which order it checks. */
class PlaceOrderChecksTest extends AccountsScenario {

  @Override
  AccountsConfig config() {
    return configWith("accounts.kyc.tier.1.max-open-orders-per-symbol=2");
  }

  @Test
  void aRejectionIsOneCompleteRejectedExecutionAndChangesNothing() {
    // Given an account that has funds but no verified identity
    accounts.user(ALICE, UserEventType.REGISTERED, KycStatus.NONE, 0, 0);
    accounts.deposit(ALICE, USDT, "1000");
    PlaceOrder order = Orders.limit(BUY, "30000", "0.01");

    // When it places an order
    Step step = accounts.place(ALICE, order);

    // Then one REJECTED execution answers the command, and nothing else happens
    assertThat(step.rejection()).contains(ACCOUNT_DISABLED);
    Execution rejected = step.rejections().get(0);
    assertThat(rejected.getCommandKind()).isEqualTo(CommandKind.PLACE);
    assertThat(rejected.getCommandComplete()).isTrue();
    assertThat(rejected.getExecutionId()).isZero();
    assertThat(rejected.getExecutionType()).isEqualTo(ExecutionType.REJECTED);
    assertThat(rejected.getStatus()).isEqualTo(OrderStatus.REJECTED);
    assertThat(rejected.getOrderId()).isEqualTo(order.getOrderId());
    assertThat(rejected.getClientOrderId()).isEqualTo(order.getClientOrderId());
    assertThat(rejected.getReason()).isEqualTo("This action is disabled on this account.");
    assertThat(rejected.getBaseAsset()).isEqualTo(BTC);
    assertThat(step.accepted()).isEmpty();
    assertThat(step.ledger()).isEmpty();
    assertThat(accounts.free(ALICE, USDT)).isEqualTo(units("1000"));
    assertThat(accounts.queries().order(ALICE, BTCUSDT, order.getOrderId())).isEmpty();
  }

  @Test
  void anAcceptedOrderCarriesAccountsLatencyStampInAHeader() {
    // Given a verified, funded account
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, USDT, "1000");
    long before = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());

    // When it places an order that accounts accepts
    Step step = accounts.place(ALICE, Orders.limit(BUY, "30000", "0.01"));

    // Then the command forwarded to matching is stamped with the wall clock, outside its value
    long stamp = StageStamp.read(step.acceptedHeaders().get(0), StageStamp.ACCOUNTS);
    assertThat(stamp).isBetween(before, ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
  }

  @Test
  void rejectionReasonsComeInTheContractsOrder() {
    // Given Alice with one open order (her tier allows two per symbol here) and 1,000 USDT
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, USDT, "1000");
    Working first = accepted(ALICE, Orders.limit(BUY, "30000", "0.01"));
    accepted(ALICE, Orders.withClientId(Orders.limit(BUY, "30000", "0.01"), "taken"));
    // ...then her KYC is revoked and the market halts
    accounts.user(ALICE, UserEventType.KYC_REJECTED, KycStatus.REJECTED, 0, 0);
    accounts.symbol(Market.btcUsdt(SymbolStatus.HALT));

    // An order that breaks every rule: unknown symbol, off-tick price, taken client id, over the
    // open-order limit, over the tier's notional, over the balance. Fix one rule at a time:
    PlaceOrder.Builder order = Orders.order(BUY, OrderType.LIMIT, TimeInForce.GTC)
        .setClientOrderId("taken").setPrice(units("30000.005")).setQuantity(units("4"));
    assertThat(accounts.place(ALICE, "DOGEUSDT", order.build()).rejection()).contains(ACCOUNT_DISABLED);
    accounts.verifiedUser(ALICE);
    assertThat(accounts.place(ALICE, "DOGEUSDT", order.build()).rejection()).contains(UNKNOWN_SYMBOL);
    assertThat(accounts.place(ALICE, BTCUSDT, order.build()).rejection()).contains(MARKET_CLOSED);
    accounts.symbol(Market.btcUsdt(SymbolStatus.TRADING));
    assertThat(accounts.place(ALICE, BTCUSDT, order.build()).rejection()).contains(PRICE_FILTER);
    order.setPrice(units("30000"));
    assertThat(accounts.place(ALICE, BTCUSDT, order.build()).rejection()).contains(DUPLICATE_ORDER);
    order.setClientOrderId("fresh");
    assertThat(accounts.place(ALICE, BTCUSDT, order.build()).rejection()).contains(TOO_MANY_OPEN_ORDERS);
    accounts.execution(matching.canceled(first, 1));
    assertThat(accounts.place(ALICE, BTCUSDT, order.build()).rejection()).contains(NOTIONAL);
    order.setQuantity(units("1"));
    assertThat(accounts.place(ALICE, BTCUSDT, order.build()).rejection()).contains(INSUFFICIENT_BALANCE);
    accounts.deposit(ALICE, USDT, "30000");
    assertThat(accounts.place(ALICE, BTCUSDT, order.build()).accepted()).hasSize(1);
  }

  @Test
  void anAccountWhoseKycIsPendingCannotTrade() {
    accounts.user(ALICE, UserEventType.REGISTERED, KycStatus.NONE, 0, 0);
    accounts.user(ALICE, UserEventType.KYC_SUBMITTED, KycStatus.PENDING, 0, 0);
    accounts.deposit(ALICE, USDT, "1000");

    assertThat(accounts.place(ALICE, Orders.limit(BUY, "30000", "0.01")).rejection()).contains(ACCOUNT_DISABLED);
  }

  @Test
  void anOrderMustFitTheSymbolsFilters() {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, USDT, "1000");

    assertThat(accounts.place(ALICE, Orders.limit(BUY, "30000", "0.000015")).rejection()).contains(LOT_SIZE);
    assertThat(accounts.place(ALICE, Orders.limit(BUY, "3", "0.001")).rejection()).contains(NOTIONAL);
    assertThat(accounts.place(ALICE,
        Orders.order(BUY, OrderType.MARKET, TimeInForce.GTC).setQuantity(units("0.01")).setQuoteOrderQty(units("10")).build())
        .rejection()).contains(MARKET_LOT_SIZE);
    assertThat(accounts.place(ALICE,
        Orders.order(BUY, OrderType.STOP_LOSS_LIMIT, TimeInForce.GTC).setPrice(units("30000")).setQuantity(units("0.01")).build())
        .rejection()).as("a stop order needs a stop price").contains(PRICE_FILTER);
  }

  @Test
  void aClientOrderIdStaysTakenForTheWindowAfterItsOrderEnded() {
    // Given an order placed and cancelled
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, USDT, "1000");
    Working first = accepted(ALICE, Orders.withClientId(Orders.limit(BUY, "30000", "0.01"), "mine"));
    accounts.execution(matching.canceled(first, 1));

    // When the id is used again within 24 hours, then it is a duplicate
    accounts.advance(Duration.ofHours(23));
    assertThat(accounts.place(ALICE, Orders.withClientId(Orders.limit(BUY, "30000", "0.01"), "mine")).rejection())
        .contains(DUPLICATE_ORDER);

    // When it is used after the window, then it is free again
    accounts.advance(Duration.ofHours(1));
    assertThat(accounts.place(ALICE, Orders.withClientId(Orders.limit(BUY, "30000", "0.01"), "mine")).accepted())
        .hasSize(1);
  }

  @Test
  void anOrderIdCannotBeUsedTwice() {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, USDT, "1000");
    PlaceOrder order = Orders.limit(BUY, "30000", "0.01");
    accepted(ALICE, order);

    PlaceOrder sameId = PlaceOrder.newBuilder(order).setClientOrderId("other").build();
    assertThat(accounts.place(ALICE, sameId).rejection()).contains(DUPLICATE_ORDER);
    assertThat(accounts.locked(ALICE, USDT)).isEqualTo(units("300"));
  }

  @Test
  void theOpenOrderLimitCountsPerSymbolAndFreesUpWhenOrdersEnd() {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, USDT, "1000");
    accounts.deposit(ALICE, BTC, "1");
    Working one = accepted(ALICE, Orders.limit(BUY, "30000", "0.01"));
    accepted(ALICE, Orders.limit(BUY, "30000", "0.01"));

    assertThat(accounts.place(ALICE, Orders.limit(BUY, "30000", "0.01")).rejection()).contains(TOO_MANY_OPEN_ORDERS);
    assertThat(accounts.place(ALICE, Market.ETHBTC, Orders.limit(BUY, "0.05", "1")).accepted())
        .as("another symbol has its own count").hasSize(1);
    accounts.execution(matching.expired(one, ""));
    assertThat(accounts.place(ALICE, Orders.limit(BUY, "30000", "0.01")).accepted()).hasSize(1);
  }

  @Test
  void anOrderAboveTheTiersNotionalIsRefusedWhateverTheBalance() {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, USDT, "500000");
    accounts.deposit(ALICE, BTC, "10");

    assertThat(accounts.place(ALICE, Orders.limit(BUY, "30000", "3.34")).rejection()).contains(NOTIONAL);
    assertThat(accounts.place(ALICE, Orders.limit(SELL, "30000", "3.34")).rejection()).contains(NOTIONAL);
    assertThat(accounts.place(ALICE, Orders.marketQuote(BUY, "100000.01")).rejection()).contains(NOTIONAL);
    assertThat(accounts.place(ALICE, Orders.limit(BUY, "30000", "3.33")).accepted()).hasSize(1);
  }

  @Test
  void anOrderTheFreeBalanceCannotCoverIsRefusedWithoutAnyChange() {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, USDT, "299.99");
    accounts.deposit(ALICE, BTC, "0.01");

    Step buy = accounts.place(ALICE, Orders.limit(BUY, "30000", "0.01"));
    Step sell = accounts.place(ALICE, Orders.marketQty(SELL, "0.01001"));
    accounts.verifiedUser(BOB);
    Step budgetless = accounts.place(BOB, Market.ETHBTC, Orders.marketQty(BUY, "1"));

    assertThat(buy.rejection()).contains(INSUFFICIENT_BALANCE);
    assertThat(buy.rejections().get(0).getReason()).isEqualTo("Account has insufficient balance for requested action.");
    assertThat(sell.rejection()).contains(INSUFFICIENT_BALANCE);
    assertThat(budgetless.rejection()).as("a market buy with a budget of 0 BTC").contains(INSUFFICIENT_BALANCE);
    assertThat(buy.ledger()).isEmpty();
    assertThat(accounts.balance(ALICE, USDT).getFree()).isEqualTo(units("299.99"));
    assertThat(accounts.balance(ALICE, USDT).getLocked()).isZero();
  }

  @Test
  void anOrderFromAnAccountThatNeverDepositedIsRefusedForItsBalanceAndRecordsNothing() {
    // Given a verified trader who has never deposited anything, so accounts holds no balance of hers
    accounts.verifiedUser(BOB);
    List<PlaceOrder> orders = List.of(Orders.limit(BUY, "30000", "0.01"), Orders.limit(SELL, "30000", "0.01"),
        Orders.marketQuote(BUY, "100"), Orders.marketQty(SELL, "0.01"));

    for (PlaceOrder order : orders) {
      // When she places an order of any kind
      Step step = accounts.place(BOB, order);

      // Then exactly one outcome answers it: a complete REJECTED execution for insufficient balance
      assertThat(step.rejections()).as("outcomes of %s", order).singleElement().satisfies(rejected -> {
        assertThat(rejected.getOrderId()).isEqualTo(order.getOrderId());
        assertThat(rejected.getCommandComplete()).isTrue();
        assertThat(rejected.getStatus()).isEqualTo(OrderStatus.REJECTED);
      });
      assertThat(step.rejection()).contains(INSUFFICIENT_BALANCE);
      assertThat(step.accepted()).isEmpty();
      assertThat(step.ledger()).isEmpty();
    }

    // ...no balance, order or trade was recorded for her (zero rows, not rows of zero)
    assertThat(accounts.queries().balances(BOB)).isEmpty();
    assertThat(accounts.queries().openOrders(BOB)).isEmpty();
    assertThat(accounts.queries().allOrders(BOB, BTCUSDT, Page.latest(Page.MAX_LIMIT))).isEmpty();
    // ...and nothing of the refused orders lingers: once funded, the very same order is new to accounts
    accounts.deposit(BOB, USDT, "300");
    assertThat(accounts.place(BOB, orders.get(0)).accepted()).hasSize(1);
  }

  @Test
  void anOrderFromAnAccountAccountsHasNeverSeenIsRefusedAsDisabledAndCreatesNoAccount() {
    long stranger = 1_000_000_099L;

    Step step = accounts.place(stranger, Orders.limit(BUY, "30000", "0.01"));

    assertThat(step.rejections()).singleElement().extracting(Execution::getCommandComplete).isEqualTo(true);
    assertThat(step.rejection()).as("step 1 of the contract: the account must exist").contains(ACCOUNT_DISABLED);
    assertThat(step.ledger()).isEmpty();
    assertThat(accounts.queries().account(stranger)).isEmpty();
    assertThat(accounts.queries().balances(stranger)).isEmpty();
    assertThat(accounts.queries().openOrders(stranger)).isEmpty();
  }
}
