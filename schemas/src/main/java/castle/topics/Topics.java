package castle.topics;

import castle.schema.alerts.AlertCommand;
import castle.schema.alerts.Notification;
import castle.schema.market.Candle;
import castle.schema.market.DepthUpdate;
import castle.schema.market.Ticker;
import castle.schema.market.Trade;
import castle.schema.orders.AcceptedCommand;
import castle.schema.orders.Execution;
import castle.schema.orders.OrderCommand;
import castle.schema.reference.SymbolConfig;
import castle.schema.users.ApiKeyRecord;
import castle.schema.users.UserCommand;
import castle.schema.users.UserEvent;
import castle.schema.wallet.LedgerEntry;
import castle.schema.wallet.WalletCommand;
import castle.schema.wallet.WalletOutcome;
import java.util.List;

/**
 * Every topic Castle reads or writes, with its types. Topic settings (partitions, retention) live in
 * msk-config's topic specs; this registry is what code uses to name topics and pick serdes.
 */
public final class Topics {

  /** Keyed by account: place and cancel requests from the gateway. */
  public static final Topic<OrderCommand> ORDER_COMMANDS =
      Topic.of("orders.commands", "account id", OrderCommand.class);

  /** Keyed by symbol: commands accounts has accepted and funded, for matching. */
  public static final Topic<AcceptedCommand> ORDERS_ACCEPTED =
      Topic.of("orders.accepted", "symbol", AcceptedCommand.class);

  /** Keyed by account: every event of every order (NEW, TRADE, CANCELED, EXPIRED, REJECTED). */
  public static final Topic<Execution> ORDER_EXECUTIONS =
      Topic.of("orders.executions", "account id", Execution.class);

  /** Keyed by symbol: public trades, with a per-symbol tradeId sequence. */
  public static final Topic<Trade> MARKET_TRADES = Topic.of("market.trades", "symbol", Trade.class);

  /** Keyed by symbol: order book level changes, with a per-symbol updateId sequence. */
  public static final Topic<DepthUpdate> MARKET_DEPTH =
      Topic.of("market.depth", "symbol", DepthUpdate.class);

  /** Keyed by symbol: OHLCV candles of every interval. */
  public static final Topic<Candle> MARKET_CANDLES =
      Topic.of("market.candles", "symbol", Candle.class);

  /** Keyed by symbol: rolling 24-hour tickers with the top of the book. */
  public static final Topic<Ticker> MARKET_TICKERS =
      Topic.of("market.tickers", "symbol", Ticker.class);

  /** Keyed by symbol, compacted: each market's assets, scales, filters and status. */
  public static final Topic<SymbolConfig> SYMBOLS = Topic.of("symbols", "symbol", SymbolConfig.class);

  /** Keyed by account: deposits, withdrawals and fee credits. */
  public static final Topic<WalletCommand> WALLET_COMMANDS =
      Topic.of("wallet.commands", "account id", WalletCommand.class);

  /** Keyed by account: one entry per balance change, an auditable statement. */
  public static final Topic<LedgerEntry> WALLET_LEDGER =
      Topic.of("wallet.ledger", "account id", LedgerEntry.class);

  /** Keyed by account: the single outcome of each wallet command. */
  public static final Topic<WalletOutcome> WALLET_OUTCOMES =
      Topic.of("wallet.outcomes", "account id", WalletOutcome.class);

  /** Keyed by normalized email: registration, KYC, API keys, MFA. */
  public static final Topic<UserCommand> USER_COMMANDS =
      Topic.of("users.commands", "email", UserCommand.class);

  /** Keyed by user id (= account id): every change of a user, with its profile. */
  public static final Topic<UserEvent> USER_EVENTS =
      Topic.of("users.events", "user id", UserEvent.class);

  /** Keyed by API key, compacted: what gateways need to verify signed requests. */
  public static final Topic<ApiKeyRecord> API_KEYS =
      Topic.of("users.apikeys", "API key", ApiKeyRecord.class);

  /** Keyed by symbol: create and delete price alerts. */
  public static final Topic<AlertCommand> ALERT_COMMANDS =
      Topic.of("alerts.commands", "symbol", AlertCommand.class);

  /** Keyed by account: fired alerts and other messages for one account. */
  public static final Topic<Notification> NOTIFICATIONS =
      Topic.of("notifications", "account id", Notification.class);

  private static final List<Topic<?>> ALL =
      List.of(
          ORDER_COMMANDS,
          ORDERS_ACCEPTED,
          ORDER_EXECUTIONS,
          MARKET_TRADES,
          MARKET_DEPTH,
          MARKET_CANDLES,
          MARKET_TICKERS,
          SYMBOLS,
          WALLET_COMMANDS,
          WALLET_LEDGER,
          WALLET_OUTCOMES,
          USER_COMMANDS,
          USER_EVENTS,
          API_KEYS,
          ALERT_COMMANDS,
          NOTIFICATIONS);

  private Topics() {}

  /** Every topic, in pipeline order. */
  public static List<Topic<?>> all() {
    return ALL;
  }

  /** The topic with this name. */
  public static Topic<?> named(String name) {
    return ALL.stream()
        .filter(topic -> topic.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown topic " + name));
  }
}
