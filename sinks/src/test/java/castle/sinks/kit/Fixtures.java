package castle.sinks.kit;

import castle.money.FixedPoint;
import castle.schema.alerts.Notification;
import castle.schema.alerts.NotificationKind;
import castle.schema.market.Candle;
import castle.schema.market.Trade;
import castle.schema.orders.CommandKind;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.orders.OrderStatus;
import castle.schema.orders.OrderType;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.orders.Side;
import castle.schema.orders.TimeInForce;
import castle.schema.users.KycStatus;
import castle.schema.users.Role;
import castle.schema.users.UserEvent;
import castle.schema.users.UserEventType;
import castle.schema.wallet.LedgerCause;
import castle.schema.wallet.LedgerEntry;
import java.util.Map;

/**
 * Realistic Castle records for the sink tests, built with the generated Avro classes: BTCUSDT with
 * eight decimal places on both assets, as the API shows them ("30000.00000000").
 */
public final class Fixtures {

  public static final String SYMBOL = "BTCUSDT";
  public static final int SCALE = 8;
  public static final long ONE = 100_000_000L;

  private Fixtures() {}

  /** An execution of a limit order at {@code price} for {@code qty}; TRADE events fill it at once. */
  public static Execution execution(long executionId, long accountId, long orderId, Side side,
      ExecutionType type, OrderStatus status, long price, long qty, long tradeId, long time) {
    boolean trade = type == ExecutionType.TRADE;
    long quote = FixedPoint.notional(price, qty, SCALE);
    return Execution.newBuilder()
        .setCommandId(orderId * 10).setCommandKind(CommandKind.PLACE).setCommandComplete(true)
        .setExecutionId(executionId).setAccountId(accountId).setSymbol(SYMBOL)
        .setBaseAsset("BTC").setQuoteAsset("USDT").setBaseScale(SCALE).setQuoteScale(SCALE)
        .setOrderId(orderId).setClientOrderId("c-" + orderId).setSide(side).setType(OrderType.LIMIT)
        .setTimeInForce(TimeInForce.GTC).setPrice(price).setOrigQty(qty).setQuoteOrderQty(0).setStopPrice(0)
        .setSelfTradePreventionMode(SelfTradePreventionMode.NONE).setExecutionType(type).setStatus(status)
        .setLastQty(trade ? qty : 0).setLastPrice(trade ? price : 0).setLastQuoteQty(trade ? quote : 0)
        .setCumQty(trade ? qty : 0).setCumQuoteQty(trade ? quote : 0)
        .setCommission(trade ? (side == Side.BUY ? qty : quote) / 1000 : 0).setCommissionAsset(trade ? (side == Side.BUY ? "BTC" : "USDT") : null)
        .setTradeId(trade ? tradeId : -1).setIsMaker(trade && side == Side.SELL)
        .setOrderTime(time - 1_000).setTransactTime(time)
        .build();
  }

  /** A filled buy order's TRADE event. */
  public static Execution fill(long executionId, long accountId, long orderId, Side side, long tradeId, long time) {
    return execution(executionId, accountId, orderId, side, ExecutionType.TRADE, OrderStatus.FILLED,
        30_000 * ONE, ONE / 10, tradeId, time);
  }

  /** A public trade between buyer and seller. */
  public static Trade trade(long tradeId, long buyer, long seller, long time) {
    long price = 30_000 * ONE;
    long qty = ONE / 10;
    return Trade.newBuilder()
        .setSymbol(SYMBOL).setTradeId(tradeId).setPrice(price).setQty(qty)
        .setQuoteQty(FixedPoint.notional(price, qty, SCALE)).setTime(time).setBuyerIsMaker(false)
        .setBuyOrderId(tradeId * 2).setSellOrderId(tradeId * 2 + 1).setBuyerAccountId(buyer).setSellerAccountId(seller)
        .setBuyerCommission(qty / 1000).setSellerCommission(FixedPoint.notional(price, qty, SCALE) / 1000).setTakerCommandId(tradeId * 20)
        .setBaseAsset("BTC").setQuoteAsset("USDT").setBaseScale(SCALE).setQuoteScale(SCALE)
        .build();
  }

  /** A ledger entry of a trade, crediting {@code delta} of {@code asset}. */
  public static LedgerEntry ledger(long accountId, long entryId, String asset, long delta, long freeAfter, long tradeId, long time) {
    return LedgerEntry.newBuilder()
        .setAccountId(accountId).setEntryId(entryId).setAsset(asset).setScale(SCALE)
        .setDeltaFree(delta).setDeltaLocked(0).setFreeAfter(freeAfter).setLockedAfter(0)
        .setCause(LedgerCause.TRADE).setCauseId(Long.toString(tradeId)).setSymbol(SYMBOL)
        .setOrderId(tradeId * 2).setTradeId(tradeId).setCommandId(tradeId * 20).setTime(time)
        .build();
  }

  /** One emission of the one-minute candle opening at {@code openTime}. */
  public static Candle candle(long openTime, long version, long close, boolean closed) {
    return Candle.newBuilder()
        .setSymbol(SYMBOL).setInterval("1m").setOpenTime(openTime).setCloseTime(openTime + 59_999)
        .setOpen(30_000 * ONE).setHigh(Math.max(close, 30_000 * ONE)).setLow(Math.min(close, 30_000 * ONE))
        .setClose(close).setVolume(version * ONE / 10).setQuoteVolume(version * 3_000 * ONE).setTradeCount(version)
        .setTakerBuyBaseVolume(version * ONE / 20).setTakerBuyQuoteVolume(version * 1_500 * ONE)
        .setFirstTradeId(1).setLastTradeId(version).setClosed(closed).setVersion(version)
        .setBaseScale(SCALE).setQuoteScale(SCALE)
        .build();
  }

  /** A user event. */
  public static UserEvent user(long userId, UserEventType type, KycStatus kyc, int kycTier, long time) {
    return UserEvent.newBuilder()
        .setUserId(userId).setEmail("trader" + userId + "@example.com").setCommandId(time).setType(type)
        .setRole(Role.USER).setKycStatus(kyc).setKycTier(kycTier).setFeeTier(0).setReason("").setApiKey(null)
        .setTime(time)
        .build();
  }

  /** A fired price alert for an account. */
  public static Notification alert(String id, long accountId, long time) {
    return Notification.newBuilder()
        .setNotificationId(id).setAccountId(accountId).setKind(NotificationKind.PRICE_ALERT).setSymbol(SYMBOL)
        .setTitle("BTCUSDT crossed 30000.00000000").setMessage("Last price 30000.10000000 is above your alert")
        .setTime(time).setAttributes(Map.of("alertId", "a-" + id, "condition", "PRICE_ABOVE", "price", "30000.00000000"))
        .build();
  }

  /** An ORDER_UPDATE as the order-notifications app writes it for a maker's partial fill. */
  public static Notification orderUpdate(String id, long accountId, long time) {
    Map<String, String> attributes = Map.ofEntries(
        Map.entry("orderId", "7001"),
        Map.entry("clientOrderId", "c7001"),
        Map.entry("side", "SELL"),
        Map.entry("type", "LIMIT"),
        Map.entry("executionType", "TRADE"),
        Map.entry("status", "PARTIALLY_FILLED"),
        Map.entry("origQty", "0.50000000"),
        Map.entry("cumQty", "0.20000000"),
        Map.entry("cumQuoteQty", "6000.00000000"),
        Map.entry("tradeId", "1"),
        Map.entry("lastQty", "0.20000000"),
        Map.entry("lastPrice", "30000.00000000"),
        Map.entry("lastQuoteQty", "6000.00000000"),
        Map.entry("isMaker", "true"),
        Map.entry("commission", "6.00000000"),
        Map.entry("commissionAsset", "USDT"));
    return Notification.newBuilder()
        .setNotificationId(id).setAccountId(accountId).setKind(NotificationKind.ORDER_UPDATE).setSymbol(SYMBOL)
        .setTitle("BTCUSDT order partially filled")
        .setMessage("Your SELL LIMIT order 7001 sold 0.20000000 BTC at 30000.00000000 USDT for 6000.00000000 USDT,"
            + " fee 6.00000000 USDT; 0.20000000 BTC of 0.50000000 filled.")
        .setTime(time).setAttributes(attributes)
        .build();
  }
}
