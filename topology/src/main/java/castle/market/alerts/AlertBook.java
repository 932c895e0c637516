package castle.market.alerts;

import castle.market.candles.CandleSource;
import castle.market.candles.Interval;
import castle.market.store.MarketStores;
import castle.schema.alerts.AlertCommand;
import castle.schema.alerts.AlertCondition;
import castle.schema.alerts.AlertState;
import castle.schema.alerts.CreateAlert;
import castle.schema.alerts.DeleteAlert;
import castle.schema.alerts.Notification;
import castle.schema.market.PublicTrade;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Price alerts of the symbols of one task, evaluated on every trade in execution order.
 *
 * <ul>
 *   <li>CROSSES_ABOVE fires when the price goes from below the threshold to at or above it,
 *       CROSSES_BELOW the reverse. Alerts are stored ordered by threshold, so a trade finds the
 *       alerts it crosses with one range scan between the previous and the new price.
 *   <li>MOVES_PERCENT fires when the trade price is at least the given percentage above the lowest
 *       or below the highest price within the window, counting only prices since the alert was
 *       armed: the price at arming, then the one-minute candles after the minute it was armed in.
 * </ul>
 *
 * A one-shot alert is deleted when it fires; a recurring one is armed again at that trade. Every
 * notification is keyed by the alert's own account: an account can only create, delete and hear
 * about its own alerts, since a delete is looked up under the deleting account.
 */
public final class AlertBook {

  private static final Logger LOG = LoggerFactory.getLogger(AlertBook.class);
  private static final BytesSerializer BYTES = new BytesSerializer();

  /** The shortest window of a MOVES_PERCENT alert: one candle. */
  public static final long MIN_WINDOW_MS = 60_000;
  /** The longest window of a MOVES_PERCENT alert. */
  public static final long MAX_WINDOW_MS = 24 * 3_600_000L;
  /** The largest move of a MOVES_PERCENT alert, in basis points (1000%). */
  public static final int MAX_MOVE_BASIS_POINTS = 100_000;
  private static final long BASIS = 10_000;

  private final KeyValueStore<Bytes, AlertState> alerts;
  private final KeyValueStore<Bytes, Bytes> byAccount;
  private final WindowRange ranges;

  /** Alerts kept in these stores; MOVES_PERCENT reads prices from {@code candles}. */
  public AlertBook(KeyValueStore<Bytes, AlertState> alerts, KeyValueStore<Bytes, Bytes> byAccount, CandleSource candles) {
    this.alerts = alerts;
    this.byAccount = byAccount;
    this.ranges = new WindowRange(candles);
  }

  /** Whether a create command describes a valid alert. */
  public static boolean isValid(CreateAlert create) {
    return switch (create.getCondition()) {
      case CROSSES_ABOVE, CROSSES_BELOW -> create.getPrice() > 0;
      case MOVES_PERCENT -> create.getMovePercentBasisPoints() > 0
          && create.getMovePercentBasisPoints() <= MAX_MOVE_BASIS_POINTS
          && create.getWindowMs() >= MIN_WINDOW_MS
          && create.getWindowMs() <= MAX_WINDOW_MS;
    };
  }

  /**
   * Creates an alert armed at the symbol's last price; nothing for an invalid alert or a repeated
   * command. Returns the confirmation for the account.
   */
  public Optional<Notification> create(AlertCommand command, CreateAlert create, long lastPrice, int quoteScale, long time) {
    Bytes accountKey = MarketStores.accountAlertKey(command.getAccountId(), command.getSymbol(), create.getAlertId());
    if (!isValid(create)) {
      LOG.warn("Ignoring invalid alert {} of account {}: {}", create.getAlertId(), command.getAccountId(), create);
      return Optional.empty();
    }
    if (byAccount.get(accountKey) != null) {
      return Optional.empty();
    }
    boolean moves = create.getCondition() == AlertCondition.MOVES_PERCENT;
    AlertState alert = AlertState.newBuilder()
        .setAlertId(create.getAlertId())
        .setAccountId(command.getAccountId())
        .setSymbol(command.getSymbol())
        .setCondition(create.getCondition())
        .setPrice(moves ? 0 : create.getPrice())
        .setMovePercentBasisPoints(moves ? create.getMovePercentBasisPoints() : 0)
        .setWindowMs(moves ? create.getWindowMs() : 0)
        .setRecurring(create.getRecurring())
        .setNote(create.getNote())
        .setCreatedAt(time)
        .setArmedAt(time)
        .setArmPrice(lastPrice)
        .setFiredCount(0)
        .setLastFiredAt(0)
        .setQuoteScale(quoteScale)
        .build();
    Bytes key = keyOf(alert);
    alerts.put(key, alert);
    byAccount.put(accountKey, key);
    return Optional.of(AlertNotifications.created(alert, time));
  }

  /** Deletes an alert of the commanding account; nothing if that account has no such alert. */
  public Optional<Notification> delete(AlertCommand command, DeleteAlert delete, long time) {
    Bytes accountKey = MarketStores.accountAlertKey(command.getAccountId(), command.getSymbol(), delete.getAlertId());
    Bytes key = byAccount.get(accountKey);
    if (key == null) {
      return Optional.empty();
    }
    AlertState alert = alerts.get(key);
    alerts.delete(key);
    byAccount.delete(accountKey);
    return Optional.ofNullable(alert).map(deleted -> AlertNotifications.deleted(deleted, time));
  }

  /**
   * The notifications of the alerts a trade fires, given the symbol's price before it (0 if it had
   * not traded). {@code lateMinute} tells that the trade fell in a minute before the latest one.
   */
  public List<Notification> onTrade(String symbol, long previousPrice, PublicTrade trade, boolean lateMinute) {
    if (lateMinute) {
      ranges.invalidate(symbol);
    }
    long price = trade.getPrice();
    List<AlertState> firing = new ArrayList<>();
    if (previousPrice > 0 && price > previousPrice) {
      collect(symbol, AlertCondition.CROSSES_ABOVE, previousPrice + 1, price, firing);
    } else if (previousPrice > 0 && price < previousPrice) {
      collect(symbol, AlertCondition.CROSSES_BELOW, price, previousPrice - 1, firing);
    }
    try (KeyValueIterator<Bytes, AlertState> moves =
        alerts.prefixScan(MarketStores.alertPrefix(symbol, AlertCondition.MOVES_PERCENT), BYTES)) {
      moves.forEachRemaining(entry -> {
        if (moved(entry.value, trade)) {
          firing.add(entry.value);
        }
      });
    }
    List<Notification> notifications = new ArrayList<>(firing.size());
    for (AlertState alert : firing) {
      notifications.add(fire(alert, trade));
    }
    return notifications;
  }

  private void collect(String symbol, AlertCondition condition, long fromPrice, long toPrice, List<AlertState> firing) {
    try (KeyValueIterator<Bytes, AlertState> crossed = alerts.range(
        MarketStores.alertThreshold(symbol, condition, fromPrice),
        MarketStores.alertKey(symbol, condition, toPrice, Long.MAX_VALUE))) {
      crossed.forEachRemaining((KeyValue<Bytes, AlertState> entry) -> firing.add(entry.value));
    }
  }

  private boolean moved(AlertState alert, PublicTrade trade) {
    long time = trade.getTime();
    long currentMinute = Interval.M1.openTime(time);
    long from = Math.max(time - alert.getWindowMs(), alert.getArmedAt());
    long fromMinute = Interval.M1.openTime(from);
    long armedMinute = Interval.M1.openTime(alert.getArmedAt());
    long firstCandle = fromMinute == armedMinute ? armedMinute + 60_000 : fromMinute;
    WindowRange.Range range = ranges.over(alert.getSymbol(), firstCandle, currentMinute)
        .with(trade.getPrice(), trade.getPrice());
    if (alert.getArmedAt() >= time - alert.getWindowMs() && alert.getArmPrice() > 0) {
      range = range.with(alert.getArmPrice(), alert.getArmPrice());
    }
    long price = trade.getPrice();
    long move = alert.getMovePercentBasisPoints();
    boolean up = range.low() > 0 && Products.compare(price, BASIS, range.low(), BASIS + move) >= 0;
    boolean down = move < BASIS && Products.compare(price, BASIS, range.high(), BASIS - move) <= 0;
    return up || down;
  }

  private Notification fire(AlertState alert, PublicTrade trade) {
    long firing = alert.getFiredCount() + 1;
    Notification notification = AlertNotifications.fired(alert, firing, trade.getPrice(), trade.getTime());
    Bytes key = keyOf(alert);
    if (alert.getRecurring()) {
      alert.setFiredCount(firing);
      alert.setLastFiredAt(trade.getTime());
      alert.setArmedAt(trade.getTime());
      alert.setArmPrice(trade.getPrice());
      alerts.put(key, alert);
    } else {
      alerts.delete(key);
      byAccount.delete(MarketStores.accountAlertKey(alert.getAccountId(), alert.getSymbol(), alert.getAlertId()));
    }
    return notification;
  }

  private static Bytes keyOf(AlertState alert) {
    return MarketStores.alertKey(alert.getSymbol(), alert.getCondition(), alert.getPrice(), alert.getAlertId());
  }
}
