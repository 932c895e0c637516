package castle.accounts.support;

import castle.money.FixedPoint;
import castle.schema.orders.AcceptedCommand;
import castle.schema.orders.AcceptedOrder;
import castle.schema.orders.CommandKind;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.orders.OrderStatus;
import castle.schema.orders.PlaceOrder;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.orders.Side;
import castle.schema.reference.SymbolConfig;
import java.util.List;

/**
 * Hand-written matching reports for accounts' scenario tests: the executions matching would publish
 * for orders accounts accepted, with the contract's commission rule, so each settlement rule can be
 * driven one event at a time. (The property, crash and end-to-end tests run the real matching.)
 */
public final class MatchingReports {

  private final SymbolConfig symbol;
  private long executionId;
  private long tradeId;

  /** Reports for one symbol. */
  public MatchingReports(SymbolConfig symbol) {
    this.symbol = symbol;
  }

  /** An order as matching holds it: what accounts accepted, plus what filled so far. */
  public static final class Working {
    final AcceptedCommand command;
    final PlaceOrder order;
    final AcceptedOrder accepted;
    long cumQty;
    long cumQuote;

    /** The order an accepted command carries. */
    public Working(AcceptedCommand command) {
      this.command = command;
      this.accepted = (AcceptedOrder) command.getAction();
      this.order = accepted.getOrder();
    }

    /** The accepted command. */
    public AcceptedCommand command() {
      return command;
    }

    /** The order's id. */
    public long orderId() {
      return order.getOrderId();
    }
  }

  /** NEW, as matching reports an order it accepted. */
  public Execution placed(Working o) {
    return event(o, o.command.getCommandId(), ExecutionType.NEW, OrderStatus.NEW, true).build();
  }

  /**
   * One match: the taker's and the maker's TRADE, at {@code price}, each charged its own rate. Each
   * side is FILLED when its quantity is done, else PARTIALLY_FILLED.
   */
  public List<Execution> trade(Working taker, Working maker, String qty, String price) {
    long lastQty = Market.units(qty);
    long lastPrice = Market.units(price);
    long quote = FixedPoint.notional(lastPrice, lastQty, symbol.getBaseScale());
    long id = ++tradeId;
    long commandId = taker.command.getCommandId();
    return List.of(fill(taker, commandId, lastQty, lastPrice, quote, id, false),
        fill(maker, commandId, lastQty, lastPrice, quote, id, true));
  }

  /** CANCELED by a cancel command. */
  public Execution canceled(Working o, long commandId) {
    return event(o, commandId, ExecutionType.CANCELED, OrderStatus.CANCELED, true)
        .setCommandKind(CommandKind.CANCEL).build();
  }

  /** EXPIRED (IOC, FOK or market remainder, budget exhausted, STP). */
  public Execution expired(Working o, String reason) {
    return event(o, o.command.getCommandId(), ExecutionType.EXPIRED, OrderStatus.EXPIRED, true)
        .setReason(reason).build();
  }

  /** REJECTED by matching (WOULD_TAKE, WOULD_TRIGGER_IMMEDIATELY, MARKET_CLOSED). */
  public Execution rejected(Working o, String reason) {
    return event(o, o.command.getCommandId(), ExecutionType.REJECTED, OrderStatus.REJECTED, true)
        .setReason(reason).build();
  }

  private Execution fill(Working o, long commandId, long lastQty, long lastPrice, long quote, long id, boolean maker) {
    o.cumQty += lastQty;
    o.cumQuote += quote;
    boolean buyer = o.order.getSide() == Side.BUY;
    int rate = maker ? o.accepted.getMakerFeePpm() : o.accepted.getTakerFeePpm();
    boolean done = o.order.getQuantity() > 0 && o.cumQty == o.order.getQuantity();
    return event(o, commandId, ExecutionType.TRADE, done ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, !maker)
        .setLastQty(lastQty)
        .setLastPrice(lastPrice)
        .setLastQuoteQty(quote)
        .setCommission(FixedPoint.fee(buyer ? lastQty : quote, rate))
        .setCommissionAsset(buyer ? symbol.getBaseAsset() : symbol.getQuoteAsset())
        .setTradeId(id)
        .setIsMaker(maker)
        .build();
  }

  private Execution.Builder event(Working o, long commandId, ExecutionType type, OrderStatus status, boolean complete) {
    PlaceOrder order = o.order;
    return Execution.newBuilder()
        .setCommandId(commandId)
        .setCommandKind(CommandKind.PLACE)
        .setCommandComplete(complete)
        .setExecutionId(++executionId)
        .setAccountId(o.command.getAccountId())
        .setSymbol(symbol.getSymbol())
        .setBaseAsset(symbol.getBaseAsset())
        .setQuoteAsset(symbol.getQuoteAsset())
        .setBaseScale(symbol.getBaseScale())
        .setQuoteScale(symbol.getQuoteScale())
        .setOrderId(order.getOrderId())
        .setClientOrderId(order.getClientOrderId())
        .setSide(order.getSide())
        .setType(order.getType())
        .setTimeInForce(order.getTimeInForce())
        .setPrice(order.getPrice())
        .setOrigQty(order.getQuantity())
        .setQuoteOrderQty(order.getQuoteOrderQty())
        .setStopPrice(order.getStopPrice())
        .setSelfTradePreventionMode(SelfTradePreventionMode.NONE)
        .setExecutionType(type)
        .setStatus(status)
        .setCumQty(o.cumQty)
        .setCumQuoteQty(o.cumQuote)
        .setOrderTime(0)
        .setTransactTime(0);
  }
}
