package castle.notifications;

import static castle.accounts.support.Market.BTC;
import static castle.accounts.support.Market.USDT;
import static castle.accounts.support.Market.units;
import static castle.schema.orders.Side.BUY;
import static castle.schema.orders.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import castle.accounts.support.Orders;
import castle.schema.alerts.Notification;
import castle.schema.alerts.NotificationKind;
import castle.schema.orders.OrderType;
import castle.schema.orders.PlaceOrder;
import castle.schema.orders.TimeInForce;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * What the order-notifications app tells each account about its orders, driven by the real accounts
 * and matching stages: every fill with its amounts, the end of an order that did not fill and why,
 * a stop's trigger, each under the account's key with an id that a replay gives again.
 */
class OrderNotificationsTest {

  private static final long ALICE = 1_000_000_001L;
  private static final long BOB = 1_000_000_002L;
  private static final long CAROL = 1_000_000_003L;

  @Test
  void theTakerAndTheMakerAreEachToldOfEveryFillWithItsAmounts() {
    try (NotifyingPipeline exchange = new NotifyingPipeline()) {
      // Given Alice asks 0.5 BTC at 30,000, which is no news to anyone
      exchange.trader(ALICE, BTC, "1");
      exchange.trader(BOB, USDT, "20000");
      PlaceOrder ask = Orders.limit(SELL, "30000", "0.5");
      assertThat(exchange.place(ALICE, ask)).isEmpty();

      // When Bob's bid for 0.2 takes part of it
      PlaceOrder bid = Orders.limit(BUY, "30000", "0.2");
      List<TestRecord<String, Notification>> first = exchange.place(BOB, bid);

      // Then Bob hears his order filled and Alice that hers partly did, each under their own key
      assertThat(first).extracting(TestRecord::key, r -> r.value().getNotificationId())
          .containsExactly(tuple("1000000002", "exec-BTCUSDT-3"), tuple("1000000001", "exec-BTCUSDT-4"));
      Notification bobs = first.get(0).value();
      assertThat(bobs.getAccountId()).isEqualTo(BOB);
      assertThat(bobs.getKind()).isEqualTo(NotificationKind.ORDER_UPDATE);
      assertThat(bobs.getSymbol()).isEqualTo("BTCUSDT");
      assertThat(bobs.getTitle()).isEqualTo("BTCUSDT order filled");
      assertThat(bobs.getMessage()).isEqualTo("Your BUY LIMIT order " + bid.getOrderId()
          + " bought 0.20000000 BTC at 30000.00000000 USDT for 6000.00000000 USDT, fee 0.00020000 BTC;"
          + " 0.20000000 BTC of 0.20000000 filled.");
      assertThat(bobs.getTime()).isEqualTo(first.get(0).timestamp());
      assertThat(bobs.getAttributes()).isEqualTo(Map.ofEntries(
          Map.entry("orderId", Long.toString(bid.getOrderId())),
          Map.entry("clientOrderId", bid.getClientOrderId()),
          Map.entry("side", "BUY"),
          Map.entry("type", "LIMIT"),
          Map.entry("executionType", "TRADE"),
          Map.entry("status", "FILLED"),
          Map.entry("origQty", "0.20000000"),
          Map.entry("cumQty", "0.20000000"),
          Map.entry("cumQuoteQty", "6000.00000000"),
          Map.entry("tradeId", "1"),
          Map.entry("lastQty", "0.20000000"),
          Map.entry("lastPrice", "30000.00000000"),
          Map.entry("lastQuoteQty", "6000.00000000"),
          Map.entry("isMaker", "false"),
          Map.entry("commission", "0.00020000"),
          Map.entry("commissionAsset", "BTC")));
      Notification alices = first.get(1).value();
      assertThat(alices.getTitle()).isEqualTo("BTCUSDT order partially filled");
      assertThat(alices.getMessage()).isEqualTo("Your SELL LIMIT order " + ask.getOrderId()
          + " sold 0.20000000 BTC at 30000.00000000 USDT for 6000.00000000 USDT, fee 6.00000000 USDT;"
          + " 0.20000000 BTC of 0.50000000 filled.");
      assertThat(alices.getAttributes()).containsEntry("status", "PARTIALLY_FILLED").containsEntry("isMaker", "true")
          .containsEntry("commission", "6.00000000").containsEntry("commissionAsset", "USDT");

      // When Bob buys the rest at market
      List<TestRecord<String, Notification>> second = exchange.place(BOB, Orders.marketQty(BUY, "0.3"));

      // Then both orders are filled, and Alice's notification adds up her whole order
      assertThat(second).extracting(TestRecord::key, r -> r.value().getNotificationId(), r -> r.value().getTitle())
          .containsExactly(
              tuple("1000000002", "exec-BTCUSDT-6", "BTCUSDT order filled"),
              tuple("1000000001", "exec-BTCUSDT-7", "BTCUSDT order filled"));
      assertThat(second.get(1).value().getAttributes()).containsEntry("status", "FILLED")
          .containsEntry("lastQty", "0.30000000").containsEntry("cumQty", "0.50000000")
          .containsEntry("cumQuoteQty", "15000.00000000").containsEntry("tradeId", "2");
    }
  }

  @Test
  void anOrderThatEndsWithoutFillingIsToldWhyButARefusedCancelChangesNothingToTell() {
    try (NotifyingPipeline exchange = new NotifyingPipeline()) {
      exchange.trader(ALICE, BTC, "1");
      exchange.trader(BOB, USDT, "1000");

      // When Alice cancels her resting ask
      PlaceOrder ask = Orders.limit(SELL, "30000", "0.5");
      exchange.place(ALICE, ask);
      List<TestRecord<String, Notification>> canceled = exchange.cancel(ALICE, ask.getOrderId());

      // Then she is told it is canceled, with nothing filled
      assertThat(canceled).singleElement().satisfies(r -> {
        assertThat(r.key()).isEqualTo("1000000001");
        assertThat(r.value().getNotificationId()).isEqualTo("exec-BTCUSDT-2");
        assertThat(r.value().getTitle()).isEqualTo("BTCUSDT order canceled");
        assertThat(r.value().getMessage()).isEqualTo("Your SELL LIMIT order " + ask.getOrderId()
            + " was canceled; 0.00000000 BTC of 0.50000000 filled. Canceled by request.");
        assertThat(r.value().getAttributes()).containsEntry("status", "CANCELED").containsEntry("cumQty", "0.00000000")
            .containsEntry("reason", "Canceled by request.");
      });

      // When Bob's immediate-or-cancel bid finds nothing to buy
      PlaceOrder ioc = Orders.order(BUY, OrderType.LIMIT, TimeInForce.IOC)
          .setPrice(units("29000")).setQuantity(units("0.01")).build();
      List<TestRecord<String, Notification>> expired = exchange.place(BOB, ioc);

      // Then he is told it expired, and why
      assertThat(expired).singleElement().satisfies(r -> {
        assertThat(r.value().getNotificationId()).isEqualTo("exec-BTCUSDT-4");
        assertThat(r.value().getTitle()).isEqualTo("BTCUSDT order expired");
        assertThat(r.value().getMessage()).isEqualTo("Your BUY LIMIT order " + ioc.getOrderId()
            + " expired; 0.00000000 BTC of 0.01000000 filled. Immediate or cancel: the unfilled quantity expired.");
      });

      // When Bob bids for more than he has, accounts refuses it before matching sees it
      PlaceOrder tooBig = Orders.limit(BUY, "30000", "1");
      List<TestRecord<String, Notification>> refused = exchange.place(BOB, tooBig);

      // Then he is told, under an id named by his command, as accounts' rejections have no execution id
      assertThat(refused).singleElement().satisfies(r -> {
        assertThat(r.value().getNotificationId()).isEqualTo("cmd-" + exchange.lastCommandId() + "-rejected");
        assertThat(r.value().getTitle()).isEqualTo("BTCUSDT order rejected");
        assertThat(r.value().getMessage()).isEqualTo("Your BUY LIMIT order " + tooBig.getOrderId()
            + " was rejected: Account has insufficient balance for requested action.");
        assertThat(r.value().getAttributes()).containsEntry("status", "REJECTED").containsEntry("orderId",
            Long.toString(tooBig.getOrderId()));
      });

      // When a maker-only bid would take Alice's new ask, matching rejects it
      exchange.place(ALICE, Orders.limit(SELL, "30000", "0.1"));
      PlaceOrder makerOnly = Orders.order(BUY, OrderType.LIMIT_MAKER, TimeInForce.GTC)
          .setPrice(units("30000")).setQuantity(units("0.01")).build();
      List<TestRecord<String, Notification>> wouldTake = exchange.place(BOB, makerOnly);

      // Then that rejection is named by matching's execution id
      assertThat(wouldTake).extracting(r -> r.value().getNotificationId(), r -> r.value().getMessage())
          .containsExactly(tuple("exec-BTCUSDT-6", "Your BUY LIMIT_MAKER order " + makerOnly.getOrderId()
              + " was rejected: Order would immediately match and take."));

      // When Bob cancels an order he does not have
      // Then nobody is told anything: no order changed
      assertThat(exchange.cancel(BOB, 42)).isEmpty();
    }
  }

  @Test
  void aStopOrderOwnerIsToldWhenItTriggersAndWhatItThenFills() {
    try (NotifyingPipeline exchange = new NotifyingPipeline()) {
      // Given Alice's stop-loss at 29,000 waits and Bob bids 0.2 at 28,950
      // When Carol sells 0.05 into Bob's bid, a trade at 28,950
      Trading trading = new Trading();
      List<TestRecord<String, Notification>> told = trading.run(exchange);

      // Then Carol and Bob hear of their fill, Alice of her stop triggering and then filling, and Bob again
      assertThat(told).extracting(TestRecord::key, r -> r.value().getNotificationId(),
              r -> r.value().getAttributes().get("executionType"), r -> r.value().getAttributes().get("status"))
          .containsExactly(
              tuple("1000000003", "exec-BTCUSDT-4", "TRADE", "FILLED"),
              tuple("1000000002", "exec-BTCUSDT-5", "TRADE", "PARTIALLY_FILLED"),
              tuple("1000000001", "exec-BTCUSDT-6", "TRIGGERED", "NEW"),
              tuple("1000000001", "exec-BTCUSDT-7", "TRADE", "FILLED"),
              tuple("1000000002", "exec-BTCUSDT-8", "TRADE", "PARTIALLY_FILLED"));
      Notification triggered = told.get(2).value();
      assertThat(triggered.getTitle()).isEqualTo("BTCUSDT stop order triggered");
      assertThat(triggered.getMessage()).isEqualTo("Your SELL STOP_LOSS_LIMIT order " + trading.stopLoss.getOrderId()
          + " reached its stop price 29000.00000000 USDT and is now working.");
      assertThat(told.get(4).value().getAttributes()).containsEntry("cumQty", "0.15000000")
          .containsEntry("origQty", "0.20000000");
    }
  }

  @Test
  void replayingTheSameTradingOrItsExecutionsGivesTheSameNotificationsUnderTheSameIds() {
    // Given one run of trading and its notifications
    Trading trading = new Trading();
    List<TestRecord<String, Notification>> firstRun;
    List<TestRecord<String, Notification>> redelivered;
    try (NotifyingPipeline exchange = new NotifyingPipeline()) {
      firstRun = trading.run(exchange);

      // When the app reads orders.executions again from the start
      redelivered = exchange.redeliver(exchange.executions());
    }
    // ...and when the same commands run through a fresh pipeline
    List<TestRecord<String, Notification>> secondRun;
    try (NotifyingPipeline exchange = new NotifyingPipeline()) {
      secondRun = trading.run(exchange);
    }

    // Then every notification comes out again identical, id included, so sinks drop the copies
    assertThat(firstRun).hasSize(5)
        .extracting(r -> r.value().getNotificationId()).doesNotHaveDuplicates();
    assertThat(redelivered).isEqualTo(firstRun);
    assertThat(secondRun).isEqualTo(firstRun);
  }

  /**
   * Alice's stop-loss waits at 29,000 (limit 28,900), Bob bids 0.2 at 28,950, and Carol's ask of 0.05
   * trades with him at 28,950, which triggers the stop. The orders are made once, so every run of the
   * same instance places the same ids.
   */
  private static final class Trading {
    final PlaceOrder stopLoss = Orders.order(SELL, OrderType.STOP_LOSS_LIMIT, TimeInForce.GTC)
        .setStopPrice(units("29000")).setPrice(units("28900")).setQuantity(units("0.1")).build();
    final PlaceOrder bid = Orders.limit(BUY, "28950", "0.2");
    final PlaceOrder ask = Orders.limit(SELL, "28950", "0.05");

    /** Every notification of the run. */
    List<TestRecord<String, Notification>> run(NotifyingPipeline exchange) {
      exchange.trader(ALICE, BTC, "1");
      exchange.trader(BOB, USDT, "10000");
      exchange.trader(CAROL, BTC, "1");
      List<TestRecord<String, Notification>> all = new ArrayList<>(exchange.place(ALICE, stopLoss));
      all.addAll(exchange.place(BOB, bid));
      all.addAll(exchange.place(CAROL, ask));
      return all;
    }
  }
}
