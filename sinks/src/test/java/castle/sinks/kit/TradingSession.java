package castle.sinks.kit;

import castle.schema.alerts.Notification;
import castle.schema.market.Candle;
import castle.schema.market.Trade;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.orders.OrderStatus;
import castle.schema.orders.Side;
import castle.schema.wallet.LedgerEntry;
import castle.topics.Keys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the trading pipeline would write for a run of trades, made here so that every count is known in
 * advance (the pipeline-driven test derives its expectations from the topics instead): for each
 * trade, the maker's and taker's NEW and TRADE executions, the public trade, four ledger entries, a
 * new version of the minute's candle, and a price alert now and then. Records are keyed as the
 * pipeline keys them.
 */
public final class TradingSession {

  private final List<Map.Entry<String, Execution>> executions = new ArrayList<>();
  private final List<Map.Entry<String, Trade>> trades = new ArrayList<>();
  private final List<Map.Entry<String, LedgerEntry>> ledger = new ArrayList<>();
  private final List<Map.Entry<String, Candle>> candles = new ArrayList<>();
  private final List<Map.Entry<String, Notification>> notifications = new ArrayList<>();
  private final Map<Long, Long> entryIds = new HashMap<>();
  private final Map<Long, Long> versions = new HashMap<>();
  private long executionId;

  /** Trades {@code count} times between accounts 1 to {@code accounts}, one trade a second from {@code start}. */
  public static TradingSession of(int count, int accounts, long start) {
    TradingSession session = new TradingSession();
    for (int trade = 1; trade <= count; trade++) {
      long buyer = 1 + trade % accounts;
      long seller = 1 + (trade + 1) % accounts;
      session.trade(trade, buyer, seller, start + trade * 1_000L);
    }
    return session;
  }

  private void trade(long tradeId, long buyer, long seller, long time) {
    long makerOrder = tradeId * 2 + 1;
    long takerOrder = tradeId * 2;
    executions.add(Map.entry(Keys.account(seller), Fixtures.execution(++executionId, seller, makerOrder, Side.SELL,
        ExecutionType.NEW, OrderStatus.NEW, 30_000 * Fixtures.ONE, Fixtures.ONE / 10, -1, time - 500)));
    executions.add(Map.entry(Keys.account(buyer), Fixtures.execution(++executionId, buyer, takerOrder, Side.BUY,
        ExecutionType.NEW, OrderStatus.NEW, 30_000 * Fixtures.ONE, Fixtures.ONE / 10, -1, time)));
    executions.add(Map.entry(Keys.account(seller), Fixtures.fill(++executionId, seller, makerOrder, Side.SELL, tradeId, time)));
    executions.add(Map.entry(Keys.account(buyer), Fixtures.fill(++executionId, buyer, takerOrder, Side.BUY, tradeId, time)));
    trades.add(Map.entry(Fixtures.SYMBOL, Fixtures.trade(tradeId, buyer, seller, time)));
    credit(buyer, "BTC", Fixtures.ONE / 10, tradeId, time);
    credit(buyer, "USDT", -3_000 * Fixtures.ONE, tradeId, time);
    credit(seller, "BTC", -Fixtures.ONE / 10, tradeId, time);
    credit(seller, "USDT", 3_000 * Fixtures.ONE, tradeId, time);
    long minute = time / 60_000 * 60_000;
    long version = versions.merge(minute, 1L, Long::sum);
    candles.add(Map.entry(Fixtures.SYMBOL, Fixtures.candle(minute, version, (30_000 + tradeId) * Fixtures.ONE, false)));
    if (tradeId % 5 == 0) {
      notifications.add(Map.entry(Keys.account(buyer), Fixtures.alert("alert-" + tradeId, buyer, time)));
    }
  }

  private void credit(long account, String asset, long delta, long tradeId, long time) {
    long entryId = entryIds.merge(account, 1L, Long::sum);
    ledger.add(Map.entry(Keys.account(account), Fixtures.ledger(account, entryId, asset, delta, 1_000 * Fixtures.ONE, tradeId, time)));
  }

  public List<Map.Entry<String, Execution>> executions() {
    return executions;
  }

  public List<Map.Entry<String, Trade>> trades() {
    return trades;
  }

  public List<Map.Entry<String, LedgerEntry>> ledger() {
    return ledger;
  }

  public List<Map.Entry<String, Candle>> candles() {
    return candles;
  }

  public List<Map.Entry<String, Notification>> notifications() {
    return notifications;
  }

  /** How many distinct candles the session emitted. */
  public long distinctCandles() {
    return versions.size();
  }
}
