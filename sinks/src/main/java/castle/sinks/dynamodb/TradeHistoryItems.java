package castle.sinks.dynamodb;

import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One account's fill as a DynamoDB item. The partition key {@code pk} is the account id; the sort key
 * {@code sk} is {@code <time>#<symbol>-<tradeId>-<side>}, with the time zero-padded to 13 digits so
 * items sort by time and a range query reads an account's history for a period. The trade part names
 * the symbol because trade ids count per symbol, and the side because one account can be on both
 * sides of a trade. Amounts are exact decimals: DynamoDB numbers are decimal, never binary floats.
 */
public final class TradeHistoryItems {

  public static final String PARTITION_KEY = "pk";
  public static final String SORT_KEY = "sk";

  private TradeHistoryItems() {}

  /** The sort key of a fill. */
  public static String sortKey(long time, String symbol, long tradeId, String side) {
    return String.format("%013d#%s-%d-%s", time, symbol, tradeId, side);
  }

  /** The item of a TRADE execution, or empty for any other execution. */
  public static Optional<Map<String, AttributeValue>> item(Execution e) {
    if (e.getExecutionType() != ExecutionType.TRADE) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PARTITION_KEY, s(Long.toString(e.getAccountId())));
    item.put(SORT_KEY, s(sortKey(e.getTransactTime(), e.getSymbol(), e.getTradeId(), e.getSide().name())));
    item.put("accountId", n(e.getAccountId()));
    item.put("symbol", s(e.getSymbol()));
    item.put("tradeId", n(e.getTradeId()));
    item.put("orderId", n(e.getOrderId()));
    item.put("clientOrderId", s(e.getClientOrderId()));
    item.put("side", s(e.getSide().name()));
    item.put("isMaker", AttributeValue.fromBool(e.getIsMaker()));
    item.put("price", decimal(e.getLastPrice(), e.getQuoteScale()));
    item.put("qty", decimal(e.getLastQty(), e.getBaseScale()));
    item.put("quoteQty", decimal(e.getLastQuoteQty(), e.getQuoteScale()));
    if (e.getCommissionAsset() != null) {
      int commissionScale = e.getCommissionAsset().equals(e.getBaseAsset()) ? e.getBaseScale() : e.getQuoteScale();
      item.put("commission", decimal(e.getCommission(), commissionScale));
      item.put("commissionAsset", s(e.getCommissionAsset()));
    }
    item.put("baseAsset", s(e.getBaseAsset()));
    item.put("quoteAsset", s(e.getQuoteAsset()));
    item.put("orderStatus", s(e.getStatus().name()));
    item.put("time", n(e.getTransactTime()));
    item.put("executionId", n(e.getExecutionId()));
    return Optional.of(item);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static AttributeValue decimal(long units, int scale) {
    return AttributeValue.fromN(BigDecimal.valueOf(units, scale).toPlainString());
  }
}
