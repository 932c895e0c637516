package castle.sinks.e2e;

import castle.schema.market.Candle;
import castle.schema.orders.Execution;
import castle.schema.orders.Side;
import castle.schema.users.UserEvent;
import castle.schema.wallet.LedgerEntry;
import castle.sinks.kit.Db;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one row of a store says, in one shape made both from the records the pipeline committed and
 * from the store, so that the two compare as sets. Amounts are exact decimals made from the units and
 * their scale, never floats.
 */
final class Rows {

  private Rows() {}

  /** A PostgreSQL {@code trades} row: the trade's two TRADE executions agree on it. */
  record TradeRow(String symbol, long tradeId, BigDecimal price, BigDecimal qty, BigDecimal quoteQty,
      long buyerAccountId, long sellerAccountId, long buyOrderId, long sellOrderId) {

    static final String SQL = "SELECT symbol, trade_id, price, qty, quote_qty, buyer_account_id, seller_account_id,"
        + " buy_order_id, sell_order_id FROM trades";

    static TradeRow of(Execution buy, Execution sell) {
      return new TradeRow(buy.getSymbol(), buy.getTradeId(), decimal(buy.getLastPrice(), buy.getQuoteScale()),
          decimal(buy.getLastQty(), buy.getBaseScale()), decimal(buy.getLastQuoteQty(), buy.getQuoteScale()),
          buy.getAccountId(), sell.getAccountId(), buy.getOrderId(), sell.getOrderId());
    }

    static TradeRow of(Map<String, Object> r) {
      return new TradeRow((String) r.get("symbol"), (Long) r.get("trade_id"), (BigDecimal) r.get("price"),
          (BigDecimal) r.get("qty"), (BigDecimal) r.get("quote_qty"), (Long) r.get("buyer_account_id"),
          (Long) r.get("seller_account_id"), (Long) r.get("buy_order_id"), (Long) r.get("sell_order_id"));
    }
  }

  /** A DynamoDB trade-history item: one account's side of a trade. */
  record FillItem(long accountId, String symbol, long tradeId, String side, long orderId, BigDecimal price,
      BigDecimal qty, BigDecimal quoteQty) {

    static FillItem of(Execution e) {
      return new FillItem(e.getAccountId(), e.getSymbol(), e.getTradeId(), e.getSide().name(), e.getOrderId(),
          exact(decimal(e.getLastPrice(), e.getQuoteScale())), exact(decimal(e.getLastQty(), e.getBaseScale())),
          exact(decimal(e.getLastQuoteQty(), e.getQuoteScale())));
    }

    static FillItem of(Map<String, AttributeValue> item) {
      return new FillItem(Long.parseLong(item.get("accountId").n()), item.get("symbol").s(),
          Long.parseLong(item.get("tradeId").n()), item.get("side").s(), Long.parseLong(item.get("orderId").n()),
          exact(new BigDecimal(item.get("price").n())), exact(new BigDecimal(item.get("qty").n())),
          exact(new BigDecimal(item.get("quoteQty").n())));
    }

    /** DynamoDB keeps a number's value, not its trailing zeros. */
    private static BigDecimal exact(BigDecimal value) {
      return value.stripTrailingZeros();
    }
  }

  /** A PostgreSQL {@code orders} row: the order's state after its latest execution. */
  record OrderRow(long orderId, long accountId, String symbol, String status, BigDecimal cumQty,
      BigDecimal cumQuoteQty, long executionId) {

    static final String SQL = "SELECT order_id, account_id, symbol, status, cum_qty, cum_quote_qty, execution_id FROM orders";

    static OrderRow of(Execution e) {
      return new OrderRow(e.getOrderId(), e.getAccountId(), e.getSymbol(), e.getStatus().name(),
          decimal(e.getCumQty(), e.getBaseScale()), decimal(e.getCumQuoteQty(), e.getQuoteScale()), e.getExecutionId());
    }

    static OrderRow of(Map<String, Object> r) {
      return new OrderRow((Long) r.get("order_id"), (Long) r.get("account_id"), (String) r.get("symbol"),
          (String) r.get("status"), (BigDecimal) r.get("cum_qty"), (BigDecimal) r.get("cum_quote_qty"),
          (Long) r.get("execution_id"));
    }
  }

  /** A PostgreSQL {@code ledger} row. */
  record LedgerRow(long accountId, long entryId, String asset, String cause, BigDecimal deltaFree,
      BigDecimal deltaLocked, BigDecimal freeAfter, BigDecimal lockedAfter) {

    static final String SQL = "SELECT account_id, entry_id, asset, cause, delta_free, delta_locked, free_after,"
        + " locked_after FROM ledger";

    static LedgerRow of(LedgerEntry l) {
      return new LedgerRow(l.getAccountId(), l.getEntryId(), l.getAsset(), l.getCause().name(),
          decimal(l.getDeltaFree(), l.getScale()), decimal(l.getDeltaLocked(), l.getScale()),
          decimal(l.getFreeAfter(), l.getScale()), decimal(l.getLockedAfter(), l.getScale()));
    }

    static LedgerRow of(Map<String, Object> r) {
      return new LedgerRow((Long) r.get("account_id"), (Long) r.get("entry_id"), (String) r.get("asset"),
          (String) r.get("cause"), (BigDecimal) r.get("delta_free"), (BigDecimal) r.get("delta_locked"),
          (BigDecimal) r.get("free_after"), (BigDecimal) r.get("locked_after"));
    }
  }

  /** A PostgreSQL {@code users} row: the profile after the user's latest event. */
  record UserRow(long userId, String email, String kycStatus, int kycTier, int feeTier) {

    static final String SQL = "SELECT user_id, email, kyc_status, kyc_tier, fee_tier FROM users";

    static UserRow of(UserEvent u) {
      return new UserRow(u.getUserId(), u.getEmail(), u.getKycStatus().name(), u.getKycTier(), u.getFeeTier());
    }

    static UserRow of(Map<String, Object> r) {
      return new UserRow((Long) r.get("user_id"), (String) r.get("email"), (String) r.get("kyc_status"),
          (Integer) r.get("kyc_tier"), (Integer) r.get("fee_tier"));
    }
  }

  /**
   * A candle as both candle stores keep it, the PostgreSQL {@code candles} row and the InfluxDB point:
   * the newest version of each symbol, interval and open time, in fixed-point units.
   */
  record CandleRow(String symbol, String interval, long openTime, long version, long open, long high, long low,
      long close, long volume, long tradeCount, boolean closed) {

    static final String SQL = "SELECT symbol, interval, (extract(epoch FROM open_time) * 1000)::bigint AS open_ms,"
        + " version, open_units, high_units, low_units, close_units, volume_units, trade_count, closed FROM candles";

    static CandleRow of(Candle c) {
      return new CandleRow(c.getSymbol(), c.getInterval(), c.getOpenTime(), c.getVersion(), c.getOpen(), c.getHigh(),
          c.getLow(), c.getClose(), c.getVolume(), c.getTradeCount(), c.getClosed());
    }

    static CandleRow of(Map<String, Object> r) {
      return new CandleRow((String) r.get("symbol"), (String) r.get("interval"), (Long) r.get("open_ms"),
          (Long) r.get("version"), (Long) r.get("open_units"), (Long) r.get("high_units"), (Long) r.get("low_units"),
          (Long) r.get("close_units"), (Long) r.get("volume_units"), (Long) r.get("trade_count"),
          (Boolean) r.get("closed"));
    }

    static CandleRow of(JsonNode point) {
      return new CandleRow(point.get("symbol").asText(), point.get("interval").asText(),
          Instant.parse(point.get("time").asText()).toEpochMilli(), point.get("version").asLong(),
          point.get("open").asLong(), point.get("high").asLong(), point.get("low").asLong(), point.get("close").asLong(),
          point.get("volume").asLong(), point.get("trade_count").asLong(), point.get("closed").asBoolean());
    }
  }

  /** Every row of {@code sql}, in the shape {@code shape} makes of it. */
  static <R> List<R> query(Db db, String sql, Function<Map<String, Object>, R> shape) {
    return db.rows(sql).stream().map(shape).toList();
  }

  /** The execution of the buying side, of two that share a trade. */
  static Execution buyer(List<Execution> sides) {
    return sides.stream().filter(e -> e.getSide() == Side.BUY).findFirst().orElseThrow();
  }

  /** The execution of the selling side, of two that share a trade. */
  static Execution seller(List<Execution> sides) {
    return sides.stream().filter(e -> e.getSide() == Side.SELL).findFirst().orElseThrow();
  }

  private static BigDecimal decimal(long units, int scale) {
    return BigDecimal.valueOf(units, scale);
  }
}
