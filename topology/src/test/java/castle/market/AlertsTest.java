package castle.market;

import static castle.market.MarketDriver.at;
import static castle.market.MarketDriver.price;
import static castle.market.MarketDriver.qty;
import static org.assertj.core.api.Assertions.assertThat;

import castle.market.read.MarketReads.AlertView;
import castle.schema.alerts.AlertCondition;
import castle.schema.alerts.Notification;
import castle.schema.alerts.NotificationKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Price alerts fire once per crossing or move, to their own account only, with stable ids. */
class AlertsTest {

  private static final long ALICE = 1;
  private static final long BOB = 2;

  @Test
  void aCrossingAlertFiresOnceAndOnlyToItsOwnAccount() throws Exception {
    try (MarketDriver market = new MarketDriver(Instant.parse("2024-03-04T10:00:00Z"))) {
      // Given Alice watches BTCUSDT crossing above 105 and Bob below 95 and above 200, the price being 100
      market.configureSymbol();
      market.trade(at("2024-03-04T10:00:01Z"), price(100), qty(1));
      market.createCrossingAlert(ALICE, 11, AlertCondition.CROSSES_ABOVE, price(105), false, at("2024-03-04T10:00:02Z"));
      market.createCrossingAlert(BOB, 22, AlertCondition.CROSSES_BELOW, price(95), false, at("2024-03-04T10:00:02Z"));
      market.createCrossingAlert(BOB, 23, AlertCondition.CROSSES_ABOVE, price(200), false, at("2024-03-04T10:00:02Z"));
      assertThat(market.notifications()).extracting(TestRecord::key, record -> record.value().getKind())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("1", NotificationKind.ALERT_CREATED),
              org.assertj.core.groups.Tuple.tuple("2", NotificationKind.ALERT_CREATED),
              org.assertj.core.groups.Tuple.tuple("2", NotificationKind.ALERT_CREATED));

      // When the price rises through 105, is redelivered, falls back and rises through it again
      market.trade(at("2024-03-04T10:00:03Z"), price(103), qty(1));
      long crossing = market.trade(at("2024-03-04T10:00:04Z"), price(106), qty(1));
      market.redeliverTrade(crossing, at("2024-03-04T10:00:04Z"), price(106), qty(1));
      market.trade(at("2024-03-04T10:00:05Z"), price(104), qty(1));
      market.trade(at("2024-03-04T10:00:06Z"), price(107), qty(1));

      // Then Alice hears once, under her account's key, and nobody else hears anything
      List<TestRecord<String, Notification>> fired = market.notifications();
      assertThat(fired).hasSize(1);
      assertThat(fired.get(0).key()).isEqualTo("1");
      Notification notification = fired.get(0).value();
      assertThat(notification.getAccountId()).isEqualTo(ALICE);
      assertThat(notification.getKind()).isEqualTo(NotificationKind.PRICE_ALERT);
      assertThat(notification.getNotificationId()).isEqualTo("alert-11-fired-1");
      assertThat(notification.getAttributes()).containsEntry("lastPrice", "106.00000000").containsEntry("alertId", "11");
      // and her one-shot alert is gone while Bob's remain
      assertThat(market.reader().alerts(ALICE).alerts()).isEmpty();
      assertThat(market.reader().alerts(BOB).alerts()).extracting(AlertView::alertId).containsExactly(22L, 23L);
    }
  }

  @Test
  void aRecurringAlertFiresAtEveryNewCrossingWithANewId() throws Exception {
    try (MarketDriver market = new MarketDriver(Instant.parse("2024-03-04T10:00:00Z"))) {
      // Given a recurring alert above 105 at a price of 100
      market.trade(at("2024-03-04T10:00:01Z"), price(100), qty(1));
      market.createCrossingAlert(ALICE, 11, AlertCondition.CROSSES_ABOVE, price(105), true, at("2024-03-04T10:00:02Z"));
      market.notifications();

      // When the price crosses 105, stays above, falls below and touches 105 again
      market.trade(at("2024-03-04T10:00:03Z"), price(106), qty(1));
      market.trade(at("2024-03-04T10:00:04Z"), price(107), qty(1));
      market.trade(at("2024-03-04T10:00:05Z"), price(104), qty(1));
      market.trade(at("2024-03-04T10:00:06Z"), price(105), qty(1));

      // Then it fired twice, each firing with its own stable id
      assertThat(market.notifications()).extracting(record -> record.value().getNotificationId())
          .containsExactly("alert-11-fired-1", "alert-11-fired-2");
      assertThat(market.reader().alerts(ALICE).alerts()).singleElement()
          .satisfies(alert -> assertThat(alert.firedCount()).isEqualTo(2));
    }
  }

  @Test
  void anAccountCannotDeleteAnotherAccountsAlert() throws Exception {
    try (MarketDriver market = new MarketDriver(Instant.parse("2024-03-04T10:00:00Z"))) {
      // Given Alice's alert
      market.trade(at("2024-03-04T10:00:01Z"), price(100), qty(1));
      market.createCrossingAlert(ALICE, 11, AlertCondition.CROSSES_BELOW, price(90), true, at("2024-03-04T10:00:02Z"));
      market.notifications();

      // When Bob deletes it
      market.deleteAlert(BOB, 11, at("2024-03-04T10:00:03Z"));

      // Then nothing happens, and it still fires for Alice
      assertThat(market.notifications()).isEmpty();
      market.trade(at("2024-03-04T10:00:04Z"), price(89), qty(1));
      assertThat(market.notifications()).extracting(TestRecord::key).containsExactly("1");

      // When Alice deletes it, she is told, and it never fires again
      market.deleteAlert(ALICE, 11, at("2024-03-04T10:00:05Z"));
      assertThat(market.notifications()).extracting(record -> record.value().getKind())
          .containsExactly(NotificationKind.ALERT_DELETED);
      market.trade(at("2024-03-04T10:00:06Z"), price(95), qty(1));
      market.trade(at("2024-03-04T10:00:07Z"), price(85), qty(1));
      assertThat(market.notifications()).isEmpty();
    }
  }

  @Test
  void aMoveAlertFiresWhenThePriceMovesByThePercentageWithinItsWindow() throws Exception {
    try (MarketDriver market = new MarketDriver(Instant.parse("2024-03-04T10:00:00Z"))) {
      // Given a recurring alert for a 5% move within 10 minutes, armed at a price of 100
      market.trade(at("2024-03-04T09:59:50Z"), price(100), qty(1));
      market.createMoveAlert(ALICE, 31, 500, Duration.ofMinutes(10), true, at("2024-03-04T10:00:00Z"));
      market.notifications();

      // When the price climbs to 104.99 and then to 105
      market.trade(at("2024-03-04T10:01:10Z"), price(102), qty(1));
      market.trade(at("2024-03-04T10:02:10Z"), price(104.99), qty(1));
      assertThat(market.notifications()).isEmpty();
      market.trade(at("2024-03-04T10:03:10Z"), price(105), qty(1));

      // Then it fires, and re-armed at 105 it fires again only on a 5% fall from there
      assertThat(market.notifications()).extracting(record -> record.value().getNotificationId())
          .containsExactly("alert-31-fired-1");
      market.trade(at("2024-03-04T10:05:00Z"), price(100), qty(1));
      assertThat(market.notifications()).isEmpty();
      market.trade(at("2024-03-04T10:06:00Z"), price(99.75), qty(1));
      assertThat(market.notifications()).extracting(record -> record.value().getNotificationId())
          .containsExactly("alert-31-fired-2");
    }
  }

  @Test
  void aMoveSpreadOverMoreThanTheWindowDoesNotFire() throws Exception {
    try (MarketDriver market = new MarketDriver(Instant.parse("2024-03-04T10:00:00Z"))) {
      // Given an alert for a 5% move within 2 minutes
      market.trade(at("2024-03-04T09:59:50Z"), price(100), qty(1));
      market.createMoveAlert(BOB, 41, 500, Duration.ofMinutes(2), false, at("2024-03-04T10:00:00Z"));
      market.notifications();

      // When the price gains 5.5% over five minutes, never 5% within two
      market.trade(at("2024-03-04T10:01:30Z"), price(102), qty(1));
      market.trade(at("2024-03-04T10:03:30Z"), price(104), qty(1));
      market.trade(at("2024-03-04T10:05:30Z"), price(105.5), qty(1));

      // Then it does not fire
      assertThat(market.notifications()).isEmpty();
    }
  }
}
