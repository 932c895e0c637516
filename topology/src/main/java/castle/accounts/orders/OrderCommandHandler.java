package castle.accounts.orders;

import castle.accounts.Outputs;
import castle.accounts.config.AccountsConfig;
import castle.accounts.config.FeeRates;
import castle.accounts.config.TierLimits;
import castle.accounts.ledger.Ledger;
import castle.accounts.ledger.LedgerCauseRef;
import castle.accounts.store.AccountStores;
import castle.orders.RejectReason;
import castle.schema.accounts.AccountRecord;
import castle.schema.accounts.Balance;
import castle.schema.accounts.ClientOrderRef;
import castle.schema.accounts.OrderState;
import castle.schema.orders.AcceptedCommand;
import castle.schema.orders.AcceptedOrder;
import castle.schema.orders.CancelOrder;
import castle.schema.orders.OrderCommand;
import castle.schema.orders.OrderStatus;
import castle.schema.orders.PlaceOrder;
import castle.schema.reference.SymbolConfig;
import castle.schema.reference.SymbolStatus;
import castle.schema.users.KycStatus;
import castle.schema.wallet.LedgerCause;
import castle.topics.Keys;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 1 of docs/order-pipeline.md: checks each PlaceOrder in the contract's order, reserves its
 * funds and forwards it to matching, or publishes one REJECTED execution; resolves cancels to an open
 * order; passes cancel-alls through. One account's commands leave in the order they came.
 */
public final class OrderCommandHandler {

  private static final Logger LOG = LoggerFactory.getLogger(OrderCommandHandler.class);

  private final AccountStores stores;
  private final Ledger ledger;
  private final Outputs outputs;
  private final AccountsConfig config;

  /** A handler over these stores and outputs. */
  public OrderCommandHandler(AccountStores stores, Ledger ledger, Outputs outputs, AccountsConfig config) {
    this.stores = stores;
    this.ledger = ledger;
    this.outputs = outputs;
    this.config = config;
  }

  /** Handles one command from {@code orders.commands}. */
  public void handle(String key, OrderCommand command) {
    Object action = command.getAction();
    if (action instanceof PlaceOrder order) {
      place(key, command, order);
    } else if (action instanceof CancelOrder cancel) {
      cancel(command, cancel);
    } else {
      outputs.accepted(new AcceptedCommand(command.getCommandId(), command.getAccountId(), command.getSymbol(), action));
    }
  }

  private void place(String key, OrderCommand command, PlaceOrder order) {
    SymbolConfig symbol = stores.symbol(command.getSymbol());
    AccountRecord account = stores.account(command.getAccountId());
    Checked checked = check(key, command, order, account, symbol);
    if (checked.reason() != null) {
      outputs.execution(Rejections.place(command, order, symbol, checked.reason(), outputs.time()));
    } else {
      accept(command, order, account, symbol, checked.reservation());
    }
  }

  /** Either why the order is refused or what it reserves. */
  private record Checked(RejectReason reason, Reservation reservation) {
    static Checked refuse(RejectReason reason) {
      return new Checked(reason, null);
    }
  }

  private Checked check(String key, OrderCommand command, PlaceOrder order, AccountRecord account, SymbolConfig symbol) {
    long accountId = command.getAccountId();
    if (account == null || !account.getRegistered() || account.getKycStatus() != KycStatus.VERIFIED
        || !Keys.account(accountId).equals(key)) {
      return Checked.refuse(RejectReason.ACCOUNT_DISABLED);
    }
    TierLimits limits = config.limits(account.getKycTier());
    if (limits.isNothing()) {
      return Checked.refuse(RejectReason.ACCOUNT_DISABLED);
    }
    if (symbol == null) {
      return Checked.refuse(RejectReason.UNKNOWN_SYMBOL);
    }
    if (symbol.getStatus() != SymbolStatus.TRADING) {
      return Checked.refuse(RejectReason.MARKET_CLOSED);
    }
    Optional<RejectReason> shape = OrderShape.check(order, symbol);
    if (shape.isPresent()) {
      return Checked.refuse(shape.get());
    }
    if (isDuplicate(accountId, command.getSymbol(), order)) {
      return Checked.refuse(RejectReason.DUPLICATE_ORDER);
    }
    if (account.getOpenOrdersBySymbol().getOrDefault(command.getSymbol(), 0) >= limits.maxOpenOrdersPerSymbol()) {
      return Checked.refuse(RejectReason.TOO_MANY_OPEN_ORDERS);
    }
    OptionalLong maxNotional = limits.maxOrderNotional(symbol.getQuoteAsset(), symbol.getQuoteScale());
    Reservation reservation;
    try {
      reservation = Reservation.of(order, symbol,
          ledger.free(accountId, symbol.getQuoteAsset()), ledger.free(accountId, symbol.getBaseAsset()), maxNotional);
    } catch (ArithmeticException e) {
      return Checked.refuse(RejectReason.NOTIONAL);
    }
    if (maxNotional.isPresent() && (maxNotional.getAsLong() == 0 || reservation.notional() > maxNotional.getAsLong())) {
      return Checked.refuse(RejectReason.NOTIONAL);
    }
    if (!covers(accountId, reservation)) {
      return Checked.refuse(RejectReason.INSUFFICIENT_BALANCE);
    }
    return new Checked(null, reservation);
  }

  /**
   * The order's ids are taken: its orderId is not positive or already known, or its clientOrderId
   * names an open order or one placed within the window.
   */
  private boolean isDuplicate(long accountId, String symbol, PlaceOrder order) {
    if (order.getOrderId() <= 0
        || stores.openOrder(accountId, symbol, order.getOrderId()) != null
        || stores.historicOrder(accountId, symbol, order.getOrderId()) != null) {
      return true;
    }
    ClientOrderRef previous = stores.clientOrder(accountId, order.getClientOrderId());
    if (previous == null) {
      return false;
    }
    boolean recent = outputs.time() - previous.getPlacedAt() < config.clientOrderIdWindow().toMillis();
    return recent || stores.openOrder(accountId, previous.getSymbol(), previous.getOrderId()) != null;
  }

  private boolean covers(long accountId, Reservation reservation) {
    Balance balance = stores.balance(accountId, reservation.asset());
    if (balance == null || reservation.amount() <= 0) {
      return false;
    }
    if (balance.getScale() != reservation.scale()) {
      LOG.error("Account {} holds {} at scale {} but the symbol trades it at {}: refusing its orders",
          accountId, reservation.asset(), balance.getScale(), reservation.scale());
      return false;
    }
    return reservation.amount() <= balance.getFree();
  }

  private void accept(
      OrderCommand command, PlaceOrder order, AccountRecord account, SymbolConfig symbol, Reservation reservation) {
    long accountId = command.getAccountId();
    long time = outputs.time();
    ledger.change(accountId, reservation.asset(), reservation.scale(), -reservation.amount(), reservation.amount(),
        LedgerCauseRef.order(LedgerCause.ORDER_RESERVE, command.getSymbol(), order.getOrderId(), command.getCommandId()));
    FeeRates fees = config.fees(account.getFeeTier());
    boolean working = !OrderTypes.isStop(order.getType());
    stores.putOpen(OrderState.newBuilder()
        .setAccountId(accountId)
        .setSymbol(command.getSymbol())
        .setOrderId(order.getOrderId())
        .setClientOrderId(order.getClientOrderId())
        .setSide(order.getSide())
        .setType(order.getType())
        .setTimeInForce(order.getTimeInForce())
        .setPrice(order.getPrice())
        .setOrigQty(order.getQuantity())
        .setOrigQuoteOrderQty(order.getQuoteOrderQty())
        .setStopPrice(order.getStopPrice())
        .setSelfTradePreventionMode(order.getSelfTradePreventionMode() != null
            ? order.getSelfTradePreventionMode() : symbol.getDefaultSelfTradePreventionMode())
        .setBaseAsset(symbol.getBaseAsset())
        .setQuoteAsset(symbol.getQuoteAsset())
        .setBaseScale(symbol.getBaseScale())
        .setQuoteScale(symbol.getQuoteScale())
        .setStatus(OrderStatus.NEW)
        .setExecutedQty(0)
        .setCumQuoteQty(0)
        .setReserved(reservation.amount())
        .setReservedRemaining(reservation.amount())
        .setMakerFeePpm(fees.makerPpm())
        .setTakerFeePpm(fees.takerPpm())
        .setIsWorking(working)
        .setTime(time)
        .setUpdateTime(time)
        .setWorkingTime(working ? time : -1)
        .setCommandId(command.getCommandId())
        .build());
    stores.putClientOrder(accountId, order.getClientOrderId(),
        new ClientOrderRef(order.getOrderId(), command.getSymbol(), time));
    stores.countOpenOrders(accountId, command.getSymbol(), 1, time);
    outputs.accepted(new AcceptedCommand(command.getCommandId(), accountId, command.getSymbol(),
        new AcceptedOrder(order, reservation.amount(), fees.makerPpm(), fees.takerPpm())));
  }

  private void cancel(OrderCommand command, CancelOrder cancel) {
    long accountId = command.getAccountId();
    String symbol = command.getSymbol();
    long orderId = cancel.getOrderId();
    if (orderId == 0 && cancel.getOrigClientOrderId() != null) {
      ClientOrderRef named = stores.clientOrder(accountId, cancel.getOrigClientOrderId());
      if (named != null && named.getSymbol().equals(symbol)) {
        orderId = named.getOrderId();
      }
    }
    OrderState open = orderId > 0 ? stores.openOrder(accountId, symbol, orderId) : null;
    if (open == null) {
      OrderState known = orderId > 0 ? stores.historicOrder(accountId, symbol, orderId) : null;
      outputs.execution(Rejections.cancel(command, cancel, orderId, known, stores.symbol(symbol), outputs.time()));
      return;
    }
    outputs.accepted(new AcceptedCommand(command.getCommandId(), accountId, symbol,
        new CancelOrder(orderId, cancel.getOrigClientOrderId(), cancel.getClientOrderId())));
  }
}
