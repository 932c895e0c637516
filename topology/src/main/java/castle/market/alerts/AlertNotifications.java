package castle.market.alerts;

import castle.money.Decimals;
import castle.schema.alerts.AlertCondition;
import castle.schema.alerts.AlertState;
import castle.schema.alerts.Notification;
import castle.schema.alerts.NotificationKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The notifications an alert sends to its own account. Each id is derived from the alert and how
 * often it fired, so a redelivered notification carries the same id and sinks can drop the copy.
 */
final class AlertNotifications {

  private AlertNotifications() {}

  static Notification created(AlertState alert, long time) {
    return build(alert, NotificationKind.ALERT_CREATED, "alert-" + alert.getAlertId() + "-created",
        "Alert set on " + alert.getSymbol(), "You will be told when " + describe(alert) + ".", time, Map.of());
  }

  static Notification deleted(AlertState alert, long time) {
    return build(alert, NotificationKind.ALERT_DELETED, "alert-" + alert.getAlertId() + "-deleted",
        "Alert removed from " + alert.getSymbol(), "No longer watching whether " + describe(alert) + ".", time, Map.of());
  }

  /** The notification of an alert's {@code firing}-th firing at {@code price}. */
  static Notification fired(AlertState alert, long firing, long price, long time) {
    String last = Decimals.format(price, alert.getQuoteScale());
    return build(alert, NotificationKind.PRICE_ALERT, "alert-" + alert.getAlertId() + "-fired-" + firing,
        alert.getSymbol() + " price alert",
        alert.getSymbol() + " " + happened(alert) + ": last price " + last + ".",
        time, Map.of("lastPrice", last, "firing", Long.toString(firing)));
  }

  private static Notification build(AlertState alert, NotificationKind kind, String id, String title, String message,
      long time, Map<String, String> extra) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("alertId", Long.toString(alert.getAlertId()));
    attributes.put("condition", alert.getCondition().name());
    if (alert.getCondition() == AlertCondition.MOVES_PERCENT) {
      attributes.put("movePercent", percent(alert.getMovePercentBasisPoints()));
      attributes.put("windowMs", Long.toString(alert.getWindowMs()));
    } else {
      attributes.put("price", Decimals.format(alert.getPrice(), alert.getQuoteScale()));
    }
    attributes.put("recurring", Boolean.toString(alert.getRecurring()));
    if (!alert.getNote().isEmpty()) {
      attributes.put("note", alert.getNote());
    }
    attributes.putAll(extra);
    return Notification.newBuilder()
        .setNotificationId(id)
        .setAccountId(alert.getAccountId())
        .setKind(kind)
        .setSymbol(alert.getSymbol())
        .setTitle(title)
        .setMessage(message)
        .setTime(time)
        .setAttributes(attributes)
        .build();
  }

  private static String describe(AlertState alert) {
    return switch (alert.getCondition()) {
      case CROSSES_ABOVE -> alert.getSymbol() + " crosses above " + Decimals.format(alert.getPrice(), alert.getQuoteScale());
      case CROSSES_BELOW -> alert.getSymbol() + " crosses below " + Decimals.format(alert.getPrice(), alert.getQuoteScale());
      case MOVES_PERCENT -> alert.getSymbol() + " moves by " + percent(alert.getMovePercentBasisPoints()) + "% within "
          + minutes(alert.getWindowMs()) + " minutes";
    };
  }

  private static String happened(AlertState alert) {
    return switch (alert.getCondition()) {
      case CROSSES_ABOVE -> "crossed above " + Decimals.format(alert.getPrice(), alert.getQuoteScale());
      case CROSSES_BELOW -> "crossed below " + Decimals.format(alert.getPrice(), alert.getQuoteScale());
      case MOVES_PERCENT -> "moved by " + percent(alert.getMovePercentBasisPoints()) + "% or more within "
          + minutes(alert.getWindowMs()) + " minutes";
    };
  }

  private static String percent(int basisPoints) {
    return Decimals.format(basisPoints, 2, 2);
  }

  private static String minutes(long windowMs) {
    return Long.toString(windowMs / 60_000);
  }
}
