package castle.notifications;

import castle.money.Decimals;
import castle.schema.alerts.Notification;
import castle.schema.alerts.NotificationKind;
import castle.schema.orders.CommandKind;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.orders.OrderStatus;
import castle.schema.orders.Side;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which order events an account is told about, and what it is told. A notification is for what
 * happens to an order after its owner placed it: every fill, a stop order's trigger, and the end of
 * an order that did not fill (canceled, expired, rejected). NEW is not notified (the placing request
 * already answered it), nor is a rejected cancel (it changed no order); both still reach WebSocket
 * clients as {@code executionReport}s.
 *
 * <p>Each id is derived from the execution alone, so replaying or redelivering an execution gives a
 * notification with the same id, which sinks drop as a duplicate. Matching numbers its executions
 * per symbol, so the symbol is part of the id; accounts' own rejections carry execution id 0 and
 * are named by their command, which gets exactly one of them.
 */
final class OrderUpdates {

  private OrderUpdates() {}

  /** The notification of {@code execution}, or none when it is not one to tell its account about. */
  static Optional<Notification> of(Execution execution) {
    Amounts amounts = new Amounts(execution);
    return text(execution, amounts).map(text -> Notification.newBuilder()
        .setNotificationId(id(execution))
        .setAccountId(execution.getAccountId())
        .setKind(NotificationKind.ORDER_UPDATE)
        .setSymbol(execution.getSymbol())
        .setTitle(execution.getSymbol() + " " + text.headline())
        .setMessage(text.message())
        .setTime(execution.getTransactTime())
        .setAttributes(attributes(execution, amounts))
        .build());
  }

  /** The stable id of an execution's notification. */
  static String id(Execution execution) {
    return execution.getExecutionId() == 0
        ? "cmd-" + execution.getCommandId() + "-rejected"
        : "exec-" + execution.getSymbol() + "-" + execution.getExecutionId();
  }

  private record Text(String headline, String message) {}

  private static Optional<Text> text(Execution x, Amounts a) {
    String order = "Your " + x.getSide() + " " + x.getType() + " order " + x.getOrderId();
    Text text = switch (x.getExecutionType()) {
      case TRADE -> new Text(
          x.getStatus() == OrderStatus.FILLED ? "order filled" : "order partially filled",
          order + (x.getSide() == Side.BUY ? " bought " : " sold ") + a.lastQty + " " + x.getBaseAsset() + " at "
              + a.lastPrice + " " + x.getQuoteAsset() + " for " + a.lastQuoteQty + " " + x.getQuoteAsset()
              + fee(x, a) + "; " + filled(x, a) + ".");
      case CANCELED -> new Text("order canceled", order + " was canceled; " + filled(x, a) + "." + because(x));
      case EXPIRED -> new Text("order expired", order + " expired; " + filled(x, a) + "." + because(x));
      case REJECTED -> x.getCommandKind() != CommandKind.PLACE ? null : new Text(
          "order rejected", order + " was rejected" + (x.getReason().isEmpty() ? "." : ": " + x.getReason()));
      case TRIGGERED -> new Text("stop order triggered",
          order + " reached its stop price " + a.stopPrice + " " + x.getQuoteAsset() + " and is now working.");
      case NEW -> null;
    };
    return Optional.ofNullable(text);
  }

  private static String fee(Execution x, Amounts a) {
    return x.getCommissionAsset() == null ? "" : ", fee " + a.commission + " " + x.getCommissionAsset();
  }

  /** The contract's reason of a cancel or expiry as its own sentence (they end in a full stop), if there is one. */
  private static String because(Execution x) {
    return x.getReason().isEmpty() ? "" : " " + x.getReason();
  }

  /** How much of the order has filled: of its quantity, or for how much quote when it was sized in quote. */
  private static String filled(Execution x, Amounts a) {
    String done = a.cumQty + " " + x.getBaseAsset();
    return x.getOrigQty() > 0
        ? done + " of " + a.origQty + " filled"
        : done + " filled for " + a.cumQuoteQty + " " + x.getQuoteAsset();
  }

  private static Map<String, String> attributes(Execution x, Amounts a) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("orderId", Long.toString(x.getOrderId()));
    attributes.put("clientOrderId", x.getClientOrderId());
    attributes.put("side", x.getSide().name());
    attributes.put("type", x.getType().name());
    attributes.put("executionType", x.getExecutionType().name());
    attributes.put("status", x.getStatus().name());
    attributes.put("origQty", a.origQty);
    attributes.put("cumQty", a.cumQty);
    attributes.put("cumQuoteQty", a.cumQuoteQty);
    if (x.getExecutionType() == ExecutionType.TRADE) {
      attributes.put("tradeId", Long.toString(x.getTradeId()));
      attributes.put("lastQty", a.lastQty);
      attributes.put("lastPrice", a.lastPrice);
      attributes.put("lastQuoteQty", a.lastQuoteQty);
      attributes.put("isMaker", Boolean.toString(x.getIsMaker()));
      if (x.getCommissionAsset() != null) {
        attributes.put("commission", a.commission);
        attributes.put("commissionAsset", x.getCommissionAsset());
      }
    }
    if (!x.getReason().isEmpty()) {
      attributes.put("reason", x.getReason());
    }
    return attributes;
  }

  /** The execution's amounts as decimal strings, each at its asset's scale. */
  private static final class Amounts {
    final String origQty;
    final String cumQty;
    final String cumQuoteQty;
    final String lastQty;
    final String lastPrice;
    final String lastQuoteQty;
    final String stopPrice;
    final String commission;

    Amounts(Execution x) {
      int base = x.getBaseScale();
      int quote = x.getQuoteScale();
      origQty = Decimals.format(x.getOrigQty(), base);
      cumQty = Decimals.format(x.getCumQty(), base);
      cumQuoteQty = Decimals.format(x.getCumQuoteQty(), quote);
      lastQty = Decimals.format(x.getLastQty(), base);
      lastPrice = Decimals.format(x.getLastPrice(), quote);
      lastQuoteQty = Decimals.format(x.getLastQuoteQty(), quote);
      stopPrice = Decimals.format(x.getStopPrice(), quote);
      commission = Decimals.format(x.getCommission(), x.getBaseAsset().equals(x.getCommissionAsset()) ? base : quote);
    }
  }
}
