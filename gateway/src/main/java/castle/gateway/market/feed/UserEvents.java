package castle.gateway.market.feed;

import castle.money.Decimals;
import castle.orders.RejectReason;
import castle.schema.alerts.Notification;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.wallet.LedgerEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binance's user-data events, as JSON text: {@code executionReport} for every order event,
 * {@code outboundAccountPosition} for changed balances, and Castle's {@code alert} for
 * notifications such as a fired price alert.
 */
final class UserEvents {

  private final MarketEvents json = new MarketEvents();

  String executionReport(Execution x, long eventTime) {
    int base = x.getBaseScale();
    int quote = x.getQuoteScale();
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("e", "executionReport");
    e.put("E", eventTime);
    e.put("s", x.getSymbol());
    e.put("c", x.getClientOrderId());
    e.put("S", x.getSide().name());
    e.put("o", x.getType().name());
    e.put("f", x.getTimeInForce().name());
    e.put("q", Decimals.format(x.getOrigQty(), base));
    e.put("p", Decimals.format(x.getPrice(), quote));
    e.put("P", Decimals.format(x.getStopPrice(), quote));
    e.put("F", Decimals.format(0, base));
    e.put("g", -1);
    e.put("C", x.getOrigClientOrderId() == null ? "" : x.getOrigClientOrderId());
    e.put("x", x.getExecutionType() == ExecutionType.TRIGGERED ? "NEW" : x.getExecutionType().name());
    e.put("X", x.getStatus().name());
    e.put("r", rejectReason(x.getReason(), x.getExecutionType()));
    e.put("i", x.getOrderId());
    e.put("l", Decimals.format(x.getLastQty(), base));
    e.put("z", Decimals.format(x.getCumQty(), base));
    e.put("L", Decimals.format(x.getLastPrice(), quote));
    String commissionAsset = x.getCommissionAsset();
    e.put("n", Decimals.format(x.getCommission(), x.getBaseAsset().equals(commissionAsset) ? base : quote));
    e.put("N", commissionAsset);
    e.put("T", x.getTransactTime());
    e.put("t", x.getTradeId());
    e.put("w", x.getIsWorking());
    e.put("m", x.getIsMaker());
    e.put("M", false);
    e.put("O", x.getOrderTime());
    e.put("Z", Decimals.format(x.getCumQuoteQty(), quote));
    e.put("Y", Decimals.format(x.getLastQuoteQty(), quote));
    e.put("Q", Decimals.format(x.getQuoteOrderQty(), quote));
    e.put("W", x.getOrderTime());
    e.put("V", x.getSelfTradePreventionMode().name());
    return json.write(e);
  }

  /** One event for the balances a batch of an account's ledger entries changed: each asset's latest. */
  String accountPosition(Collection<LedgerEntry> latestPerAsset, long eventTime) {
    long updated = 0;
    List<Map<String, Object>> balances = new ArrayList<>();
    for (LedgerEntry entry : latestPerAsset) {
      Map<String, Object> balance = new LinkedHashMap<>();
      balance.put("a", entry.getAsset());
      balance.put("f", Decimals.format(entry.getFreeAfter(), entry.getScale()));
      balance.put("l", Decimals.format(entry.getLockedAfter(), entry.getScale()));
      balances.add(balance);
      updated = Math.max(updated, entry.getTime());
    }
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("e", "outboundAccountPosition");
    e.put("E", eventTime);
    e.put("u", updated);
    e.put("B", balances);
    return json.write(e);
  }

  String alert(Notification n, long eventTime) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("e", "alert");
    e.put("E", eventTime);
    e.put("id", n.getNotificationId());
    e.put("kind", n.getKind().name());
    e.put("s", n.getSymbol());
    e.put("title", n.getTitle());
    e.put("message", n.getMessage());
    e.put("T", n.getTime());
    e.put("attributes", n.getAttributes());
    return json.write(e);
  }

  /** Binance's reject reason: NONE, or the name of Castle's reason for its message. */
  private static String rejectReason(String reason, ExecutionType type) {
    if (type != ExecutionType.REJECTED || reason == null || reason.isEmpty()) {
      return "NONE";
    }
    return RejectReason.ofMessage(reason).map(Enum::name).orElse("OTHER");
  }
}
