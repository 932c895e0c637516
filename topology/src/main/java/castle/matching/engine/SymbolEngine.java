package castle.matching.engine;

import castle.matching.book.MatchEnd;
import castle.matching.book.MatchListener;
import castle.matching.book.Order;
import castle.matching.book.OrderBook;
import castle.matching.book.Taker;
import castle.money.FixedPoint;
import castle.orders.RejectReason;
import castle.schema.market.DepthUpdate;
import castle.schema.market.Trade;
import castle.schema.matching.SymbolBook;
import castle.schema.orders.AcceptedCommand;
import castle.schema.orders.AcceptedOrder;
import castle.schema.orders.CancelAllOrders;
import castle.schema.orders.CancelOrder;
import castle.schema.orders.CommandKind;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.orders.OrderStatus;
import castle.schema.orders.OrderType;
import castle.schema.orders.PlaceOrder;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.orders.Side;
import castle.schema.orders.TimeInForce;
import castle.schema.reference.SymbolConfig;
import castle.schema.reference.SymbolStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Matching for one symbol, as docs/order-pipeline.md specifies it: one command in, its executions,
 * trades and depth update out. It owns the symbol's {@link OrderBook}, its waiting
 * {@link StopOrders}, its configuration and its sequences (execution, trade and update ids, time
 * priority) and the last trade price.
 *
 * <p>It is deterministic: the output depends only on the state and the command (its record time
 * included), never on the wall clock or on hash order, so replaying the input reproduces every byte.
 */
public final class SymbolEngine implements MatchListener, Executions.CommandContext {

  private final String symbol;
  private final OrderBook book;
  private final StopOrders stops = new StopOrders();
  private final Taker taker = new Taker();
  private final DepthChanges depth = new DepthChanges();
  private final CommandOutput out = new CommandOutput();

  private SymbolConfig config;
  private long lastExecutionId;
  private long lastTradeId;
  private long lastUpdateId;
  private long lastSequence;
  private long lastPrice;

  // The command in progress.
  private long commandId;
  private long accountId;
  private CommandKind kind;
  private long time;
  private Order running;
  private int runningLastTrade;
  private long tradedLow;
  private long tradedHigh;

  /** A symbol with an empty book and no configuration yet. */
  public SymbolEngine(String symbol, OrderBook book) {
    this.symbol = symbol;
    this.book = book;
  }

  /** Restores the configuration, sequences and last price saved by {@link #state()}. */
  public void restore(SymbolBook state) {
    config = state.getConfig();
    lastExecutionId = state.getLastExecutionId();
    lastTradeId = state.getLastTradeId();
    lastUpdateId = state.getLastUpdateId();
    lastSequence = state.getLastSequence();
    lastPrice = state.getLastPrice();
  }

  /**
   * Puts back a live order read from the store: into the book if working, else into the stops.
   * Restore orders in sequence order, so the book's time priority comes back exactly.
   */
  public void restore(Order order) {
    order.live(true);
    if (order.working()) {
      book.add(order);
    } else {
      stops.add(order);
    }
  }

  /** The symbol's configuration, sequences and last price, for the store. */
  public SymbolBook state() {
    return new SymbolBook(symbol, config, lastExecutionId, lastTradeId, lastUpdateId, lastSequence, lastPrice);
  }

  /** Applies a new configuration from the symbols topic (status, filters, STP default). */
  public void configure(SymbolConfig config) {
    this.config = config;
  }

  /** The symbol's configuration, or null before the first. */
  public SymbolConfig config() {
    return config;
  }

  /** The symbol this engine matches. */
  public String symbol() {
    return symbol;
  }

  /** The book. */
  public OrderBook book() {
    return book;
  }

  /** Stops waiting for their trigger. */
  public StopOrders stops() {
    return stops;
  }

  /** The last DepthUpdate.updateId, the depth's lastUpdateId. */
  public long lastUpdateId() {
    return lastUpdateId;
  }

  /** Price of the last trade, 0 before the first. */
  public long lastPrice() {
    return lastPrice;
  }

  /**
   * Runs one accepted command at record time {@code time}; the result is valid until the next call.
   * A command whose symbol is not this engine's (a producer keyed it wrongly) is rejected as an
   * unknown symbol and changes nothing, so one symbol can never have two books.
   */
  public CommandOutput execute(AcceptedCommand command, long time) {
    out.clear();
    depth.clear();
    this.commandId = command.getCommandId();
    this.accountId = command.getAccountId();
    this.time = time;
    this.tradedLow = Long.MAX_VALUE;
    this.tradedHigh = Long.MIN_VALUE;
    boolean misrouted = !symbol.equals(command.getSymbol());
    Object action = command.getAction();
    long target;
    if (action instanceof AcceptedOrder placed) {
      kind = CommandKind.PLACE;
      target = misrouted ? reject(newOrder(placed), RejectReason.UNKNOWN_SYMBOL) : place(placed);
    } else if (action instanceof CancelOrder cancel) {
      kind = CommandKind.CANCEL;
      target = misrouted
          ? rejectCancel(cancel.getOrderId(), cancel.getOrigClientOrderId(), cancel.getClientOrderId(),
              RejectReason.UNKNOWN_SYMBOL)
          : cancel(cancel);
    } else {
      kind = CommandKind.CANCEL_ALL;
      CancelAllOrders cancelAll = (CancelAllOrders) action;
      target = misrouted
          ? rejectCancel(0, null, cancelAll.getClientOrderId(), RejectReason.UNKNOWN_SYMBOL)
          : cancelAll(cancelAll);
    }
    markComplete(target);
    if (!depth.isEmpty()) {
      out.depthUpdate(new DepthUpdate(
          symbol, ++lastUpdateId, time, depth.bids(book), depth.asks(book), baseScale(), quoteScale()));
    }
    return out;
  }

  // ---- placing ----

  private long place(AcceptedOrder accepted) {
    Order order = newOrder(accepted);
    if (config == null) {
      return reject(order, RejectReason.UNKNOWN_SYMBOL);
    }
    if (config.getStatus() == SymbolStatus.HALT) {
      return reject(order, RejectReason.MARKET_CLOSED);
    }
    if (book.find(order.orderId()) != null || stops.find(order.orderId()) != null) {
      return reject(order, RejectReason.DUPLICATE_ORDER);
    }
    if (StopOrders.isStop(order.type())) {
      if (lastPrice != 0 && StopOrders.triggeredBy(order, lastPrice, lastPrice)) {
        return reject(order, RejectReason.WOULD_TRIGGER_IMMEDIATELY);
      }
      order.sequence(++lastSequence);
      order.live(true);
      stops.add(order);
      out.changed(order);
      emit(event(order, ExecutionType.NEW, OrderStatus.NEW));
      return order.orderId();
    }
    if (order.type() == OrderType.LIMIT_MAKER && book.wouldTake(order.buy(), order.price())) {
      return reject(order, RejectReason.WOULD_TAKE);
    }
    order.working(true);
    emit(event(order, ExecutionType.NEW, OrderStatus.NEW));
    run(order);
    triggerStops();
    return order.orderId();
  }

  private Order newOrder(AcceptedOrder accepted) {
    PlaceOrder p = accepted.getOrder();
    SelfTradePreventionMode stp = p.getSelfTradePreventionMode();
    if (stp == null) {
      stp = config == null ? SelfTradePreventionMode.NONE : config.getDefaultSelfTradePreventionMode();
    }
    return new Order(
        p.getOrderId(), accountId, commandId, p.getClientOrderId(), p.getSide() == Side.BUY, p.getType(),
        p.getTimeInForce(), p.getPrice(), p.getQuantity(), p.getQuoteOrderQty(), p.getStopPrice(), stp,
        accepted.getReserved(), accepted.getMakerFeePpm(), accepted.getTakerFeePpm(), time);
  }

  private long reject(Order order, RejectReason reason) {
    Execution rejected = event(order, ExecutionType.REJECTED, OrderStatus.REJECTED);
    rejected.setIsWorking(false);
    rejected.setReason(reason.message());
    emit(rejected);
    return order.orderId();
  }

  /** Matches a working order as taker, then rests or ends it. */
  private void run(Order order) {
    running = order;
    runningLastTrade = -1;
    boolean quoteSized = order.quoteSized();
    long qtyLimit = quoteSized ? (order.buy() ? Taker.UNLIMITED : order.reserved()) : order.leaves();
    long quoteLimit;
    if (order.buy()) {
      quoteLimit = quoteSized ? Math.min(order.quoteOrderQty(), order.reserved()) : order.reserved();
    } else {
      quoteLimit = quoteSized ? order.quoteOrderQty() : Taker.UNLIMITED;
    }
    taker.reset(order.buy(), limitPrice(order), order.accountId(), order.selfTradePrevention(),
        qtyLimit, quoteLimit, config.getStepSize(), config.getBaseScale());
    if (order.timeInForce() == TimeInForce.FOK && limitPrice(order) != 0 && !book.canFillCompletely(taker)) {
      running = null;
      expire(order, Reasons.FILL_OR_KILL);
      return;
    }
    MatchEnd end = book.match(taker, this);
    running = null;
    boolean filled = order.cumQty() > 0
        && (quoteSized ? end == MatchEnd.QUOTE_DONE : end == MatchEnd.QUANTITY_DONE);
    if (filled) {
      if (quoteSized) {
        // Its trades could not know which one would be the last.
        out.executions().get(runningLastTrade).setStatus(OrderStatus.FILLED);
      }
    } else if (end == MatchEnd.SELF_TRADE) {
      expire(order, Reasons.SELF_TRADE);
    } else if (end == MatchEnd.NO_LIQUIDITY && limitPrice(order) != 0 && order.timeInForce() == TimeInForce.GTC) {
      order.sequence(++lastSequence);
      order.live(true);
      book.add(order);
      depth.touch(order.buy(), order.price());
      out.changed(order);
    } else {
      expire(order, expiryReason(order, end));
    }
  }

  private static String expiryReason(Order order, MatchEnd end) {
    if (end == MatchEnd.NO_LIQUIDITY) {
      return limitPrice(order) == 0 ? Reasons.NO_LIQUIDITY : Reasons.IMMEDIATE_OR_CANCEL;
    }
    return order.quoteSized() && end == MatchEnd.QUOTE_DONE ? Reasons.QUOTE_TOO_SMALL : Reasons.BUDGET;
  }

  /** The worst price an order accepts as taker, 0 for market-priced types. */
  private static long limitPrice(Order order) {
    return switch (order.type()) {
      case LIMIT, LIMIT_MAKER, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT -> order.price();
      default -> 0;
    };
  }

  private void expire(Order order, String reason) {
    Execution expired = event(order, ExecutionType.EXPIRED, OrderStatus.EXPIRED);
    expired.setReason(reason);
    emit(expired);
  }

  /** Triggers the stops this command's trades reached, oldest first, until no more trigger. */
  private void triggerStops() {
    while (tradedLow <= tradedHigh) {
      Order stop = stops.nextTriggered(tradedLow, tradedHigh);
      if (stop == null) {
        return;
      }
      stops.remove(stop);
      stop.live(false);
      stop.working(true);
      out.changed(stop);
      emit(event(stop, ExecutionType.TRIGGERED, OrderStatus.NEW));
      run(stop);
    }
  }

  @Override
  public void onTrade(Order maker, long qty, long price, long quote) {
    Order taker = running;
    taker.fill(qty, quote);
    long tradeId = ++lastTradeId;
    lastPrice = price;
    tradedLow = Math.min(tradedLow, price);
    tradedHigh = Math.max(tradedHigh, price);
    long takerFee = commission(taker, taker.takerFeePpm(), qty, quote);
    long makerFee = commission(maker, maker.makerFeePpm(), qty, quote);
    runningLastTrade = out.executions().size();
    emit(tradeEvent(taker, false, qty, price, quote, takerFee, tradeId));
    if (maker.leaves() == 0) {
      maker.live(false);
    }
    emit(tradeEvent(maker, true, qty, price, quote, makerFee, tradeId));
    Order buyer = taker.buy() ? taker : maker;
    Order seller = taker.buy() ? maker : taker;
    out.add(new Trade(
        symbol, tradeId, price, qty, quote, time, maker.buy(), buyer.orderId(), seller.orderId(),
        buyer.accountId(), seller.accountId(), buyer == taker ? takerFee : makerFee,
        seller == taker ? takerFee : makerFee, commandId, config.getBaseAsset(), config.getQuoteAsset(),
        config.getBaseScale(), config.getQuoteScale()));
    depth.touch(maker.buy(), price);
    out.changed(maker);
  }

  @Override
  public void onMakerExpired(Order maker) {
    maker.live(false);
    expire(maker, Reasons.SELF_TRADE);
    depth.touch(maker.buy(), maker.price());
    out.changed(maker);
  }

  /** The buyer pays in base on the quantity, the seller in quote on the notional. */
  private static long commission(Order order, int ratePpm, long qty, long quote) {
    return FixedPoint.fee(order.buy() ? qty : quote, ratePpm);
  }

  private Execution tradeEvent(Order order, boolean maker, long qty, long price, long quote, long fee, long tradeId) {
    boolean filled = !order.quoteSized() && order.leaves() == 0;
    Execution trade = event(order, ExecutionType.TRADE, filled ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED);
    trade.setLastQty(qty);
    trade.setLastPrice(price);
    trade.setLastQuoteQty(quote);
    trade.setCommission(fee);
    trade.setCommissionAsset(order.buy() ? config.getBaseAsset() : config.getQuoteAsset());
    trade.setTradeId(tradeId);
    trade.setIsMaker(maker);
    return trade;
  }

  // ---- canceling ----

  private long cancel(CancelOrder cancel) {
    String named = cancel.getOrigClientOrderId();
    Order order = cancel.getOrderId() != 0 ? find(cancel.getOrderId()) : findByClientOrderId(named);
    boolean mismatch = order != null
        && (order.accountId() != accountId || (named != null && !named.equals(order.clientOrderId())));
    if (order == null || mismatch) {
      return rejectCancel(cancel.getOrderId(), named, cancel.getClientOrderId(), RejectReason.UNKNOWN_ORDER);
    }
    cancelOne(order, cancel.getClientOrderId());
    return order.orderId();
  }

  private long cancelAll(CancelAllOrders cancelAll) {
    List<Order> orders = openOrdersOfAccount();
    if (orders.isEmpty()) {
      return rejectCancel(0, null, cancelAll.getClientOrderId(), RejectReason.UNKNOWN_ORDER);
    }
    for (Order order : orders) {
      cancelOne(order, cancelAll.getClientOrderId());
    }
    return orders.get(orders.size() - 1).orderId();
  }

  private long rejectCancel(long orderId, String origClientOrderId, String clientOrderId, RejectReason reason) {
    emit(Executions.rejectedCancel(this, config, orderId, origClientOrderId, clientOrderId, reason.message()));
    return orderId;
  }

  private void cancelOne(Order order, String cancelClientOrderId) {
    if (order.working()) {
      book.remove(order.orderId());
      depth.touch(order.buy(), order.price());
    } else {
      stops.remove(order);
    }
    order.live(false);
    out.changed(order);
    Execution canceled = event(order, ExecutionType.CANCELED, OrderStatus.CANCELED);
    canceled.setClientOrderId(cancelClientOrderId);
    canceled.setOrigClientOrderId(order.clientOrderId());
    canceled.setReason(Reasons.CANCELED);
    emit(canceled);
  }

  private Order find(long orderId) {
    Order order = book.find(orderId);
    return order != null ? order : stops.find(orderId);
  }

  private Order findByClientOrderId(String clientOrderId) {
    if (clientOrderId == null) {
      return null;
    }
    for (Order order : openOrdersOfAccount()) {
      if (order.clientOrderId().equals(clientOrderId)) {
        return order;
      }
    }
    return null;
  }

  /** The account's resting orders and waiting stops, oldest first. */
  private List<Order> openOrdersOfAccount() {
    List<Order> orders = new ArrayList<>(book.ordersOf(accountId));
    orders.addAll(stops.ordersOf(accountId));
    orders.sort(Comparator.comparingLong(Order::sequence));
    return orders;
  }

  // ---- emitting ----

  private Execution event(Order order, ExecutionType type, OrderStatus status) {
    return Executions.of(this, config, order, type, status);
  }

  private void emit(Execution execution) {
    execution.setExecutionId(++lastExecutionId);
    out.add(execution);
  }

  /** Flags the command's last execution of the order it targets, on its own account. */
  private void markComplete(long targetOrderId) {
    List<Execution> executions = out.executions();
    for (int i = executions.size() - 1; i >= 0; i--) {
      Execution e = executions.get(i);
      if (e.getAccountId() == accountId && e.getOrderId() == targetOrderId && e.getCommandId() == commandId) {
        e.setCommandComplete(true);
        return;
      }
    }
    throw new IllegalStateException("Command " + commandId + " produced no execution for order " + targetOrderId);
  }

  private int baseScale() {
    return config == null ? 0 : config.getBaseScale();
  }

  private int quoteScale() {
    return config == null ? 0 : config.getQuoteScale();
  }

  @Override
  public long commandId() {
    return commandId;
  }

  @Override
  public CommandKind kind() {
    return kind;
  }

  @Override
  public long accountId() {
    return accountId;
  }

  @Override
  public long time() {
    return time;
  }
}
