package castle.gateway.binance.orders;

import castle.gateway.api.ApiException;
import castle.gateway.api.Params;
import castle.gateway.binance.symbols.SymbolDirectory;
import castle.orders.RejectReason;
import castle.orders.SymbolFilters;
import castle.schema.orders.OrderType;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.orders.Side;
import castle.schema.orders.TimeInForce;
import castle.schema.reference.SymbolConfig;
import castle.schema.reference.SymbolStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code POST /api/v3/order} and {@code DELETE /api/v3/order} parameters into checked
 * requests, refusing anything a client got wrong with Binance's code before a command exists: the
 * symbol, the side and type, which parameters each order type takes (a missing one is -1102, one
 * it does not take -1106), numbers at the symbol's scales, and the symbol's PRICE_FILTER, LOT_SIZE
 * and NOTIONAL filters.
 */
public final class OrderRequests {

  /** The parameters whose presence depends on the order type. */
  private enum Field {
    TIME_IN_FORCE("timeInForce"),
    PRICE("price"),
    QUANTITY("quantity"),
    QUOTE_ORDER_QTY("quoteOrderQty"),
    STOP_PRICE("stopPrice");

    final String param;

    Field(String param) {
      this.param = param;
    }
  }

  /** What each type takes; all of it is mandatory, except MARKET's quantity or quoteOrderQty (one of them). */
  private static final Map<OrderType, Set<Field>> TAKES = new EnumMap<>(Map.of(
      OrderType.LIMIT, EnumSet.of(Field.TIME_IN_FORCE, Field.PRICE, Field.QUANTITY),
      OrderType.MARKET, EnumSet.of(Field.QUANTITY, Field.QUOTE_ORDER_QTY),
      OrderType.LIMIT_MAKER, EnumSet.of(Field.PRICE, Field.QUANTITY),
      OrderType.STOP_LOSS, EnumSet.of(Field.QUANTITY, Field.STOP_PRICE),
      OrderType.TAKE_PROFIT, EnumSet.of(Field.QUANTITY, Field.STOP_PRICE),
      OrderType.STOP_LOSS_LIMIT, EnumSet.of(Field.TIME_IN_FORCE, Field.PRICE, Field.QUANTITY, Field.STOP_PRICE),
      OrderType.TAKE_PROFIT_LIMIT, EnumSet.of(Field.TIME_IN_FORCE, Field.PRICE, Field.QUANTITY, Field.STOP_PRICE)));

  /** Binance parameters that would change an order's meaning in ways Castle does not offer. */
  private static final List<String> UNSUPPORTED = List.of("icebergQty", "trailingDelta", "cancelRestrictions");

  private static final String STP_RANGE = "NONE, EXPIRE_TAKER, EXPIRE_MAKER, EXPIRE_BOTH";
  private static final String RESPONSE_TYPE_RANGE = "ACK, RESULT, FULL";

  private final SymbolDirectory symbols;

  /** Requests checked against the symbols in {@code symbols}. */
  public OrderRequests(SymbolDirectory symbols) {
    this.symbols = symbols;
  }

  /**
   * A cancel: the symbol and the order, by {@code orderId} or {@code origClientOrderId} (both may be
   * sent: the id is looked up and the client id must then match).
   *
   * @param orderId 0 when only {@code origClientOrderId} was sent
   * @param origClientOrderId null when only {@code orderId} was sent
   * @param clientOrderId the cancel's own id ({@code newClientOrderId}), if the client sent one
   */
  record Cancel(SymbolConfig symbol, long orderId, String origClientOrderId, Optional<String> clientOrderId) {}

  /** A new order from {@code POST /api/v3/order} (or {@code order/test}) parameters. */
  NewOrder newOrder(Params params) {
    SymbolConfig symbol = tradingSymbol(params);
    Side side = params.requiredEnum("side", Side.class, ApiException::invalidSide);
    OrderType type = params.requiredEnum("type", OrderType.class, ApiException::invalidOrderType);
    refuseUnsupported(params);
    Set<Field> takes = TAKES.get(type);
    for (Field field : Field.values()) {
      if (!takes.contains(field) && params.has(field.param)) {
        throw ApiException.notRequired(field.param);
      }
    }
    TimeInForce timeInForce = takes.contains(Field.TIME_IN_FORCE)
        ? params.requiredEnum("timeInForce", TimeInForce.class, ApiException::invalidTimeInForce)
        : TimeInForce.GTC;
    long price = takes.contains(Field.PRICE) ? params.requiredDecimal("price", symbol.getQuoteScale()) : 0;
    long stopPrice = takes.contains(Field.STOP_PRICE) ? params.requiredDecimal("stopPrice", symbol.getQuoteScale()) : 0;
    long quantity;
    long quoteOrderQty = 0;
    if (type == OrderType.MARKET) {
      if (params.has("quantity") && params.has("quoteOrderQty")) {
        throw ApiException.notRequired("quoteOrderQty");
      }
      if (!params.has("quantity") && !params.has("quoteOrderQty")) {
        throw ApiException.eitherMissing("quantity", "quoteOrderQty");
      }
      quantity = params.optionalDecimal("quantity", symbol.getBaseScale()).orElse(0L);
      quoteOrderQty = params.optionalDecimal("quoteOrderQty", symbol.getQuoteScale()).orElse(0L);
      if (params.has("quoteOrderQty") && quoteOrderQty == 0) {
        throw ApiException.rejected(RejectReason.NOTIONAL);
      }
    } else {
      quantity = params.requiredDecimal("quantity", symbol.getBaseScale());
    }
    String clientOrderId = newClientOrderId(params).orElse(null);
    SelfTradePreventionMode stp = params
        .optionalEnum("selfTradePreventionMode", SelfTradePreventionMode.class,
            () -> ApiException.illegalCharacters("selfTradePreventionMode", STP_RANGE))
        .orElse(null);
    ResponseType responseType = params
        .optionalEnum("newOrderRespType", ResponseType.class,
            () -> ApiException.illegalCharacters("newOrderRespType", RESPONSE_TYPE_RANGE))
        .orElse(type == OrderType.LIMIT || type == OrderType.MARKET ? ResponseType.FULL : ResponseType.ACK);
    NewOrder order = new NewOrder(symbol, side, type, timeInForce, price, quantity, quoteOrderQty, stopPrice,
        clientOrderId, stp, responseType);
    checkFilters(order);
    return order;
  }

  /** A cancel from {@code DELETE /api/v3/order} parameters. */
  Cancel cancel(Params params) {
    SymbolConfig symbol = symbols.require(params.symbol());
    refuseUnsupported(params);
    long orderId = params.optionalLong("orderId").orElse(0L);
    String origClientOrderId = ClientOrderIds.optional(params, "origClientOrderId").orElse(null);
    if (orderId == 0 && origClientOrderId == null) {
      throw ApiException.eitherMissing("orderId", "origClientOrderId");
    }
    return new Cancel(symbol, orderId, origClientOrderId, newClientOrderId(params));
  }

  /** The symbol of {@code DELETE /api/v3/openOrders}. */
  SymbolConfig symbol(Params params) {
    return symbols.require(params.symbol());
  }

  /** A request's own client id ({@code newClientOrderId}), if the client sent one. */
  static Optional<String> newClientOrderId(Params params) {
    return ClientOrderIds.optional(params, "newClientOrderId");
  }

  private SymbolConfig tradingSymbol(Params params) {
    SymbolConfig symbol = symbols.require(params.symbol());
    if (symbol.getStatus() != SymbolStatus.TRADING) {
      throw ApiException.rejected(RejectReason.MARKET_CLOSED);
    }
    return symbol;
  }

  private static void refuseUnsupported(Params params) {
    for (String name : UNSUPPORTED) {
      if (params.has(name)) {
        throw ApiException.notRequired(name);
      }
    }
  }

  private static void checkFilters(NewOrder order) {
    SymbolConfig s = order.symbol();
    Set<Field> takes = TAKES.get(order.type());
    if (takes.contains(Field.PRICE)) {
      fail(SymbolFilters.checkPrice(s, order.price()));
    }
    if (takes.contains(Field.STOP_PRICE)) {
      fail(SymbolFilters.checkPrice(s, order.stopPrice()));
    }
    if (order.quoteOrderQty() == 0) {
      fail(SymbolFilters.checkQuantity(s, order.quantity()));
    } else {
      fail(SymbolFilters.checkQuoteAmount(s, order.quoteOrderQty()));
    }
    // The notional of a priced order is known here; a stop-market order's is judged at its stop
    // price; a market order with a quantity has no price yet, so matching's budget bounds it.
    if (order.price() != 0) {
      fail(SymbolFilters.checkNotional(s, order.price(), order.quantity()));
    } else if (order.stopPrice() != 0) {
      fail(SymbolFilters.checkNotional(s, order.stopPrice(), order.quantity()));
    }
  }

  private static void fail(Optional<RejectReason> failure) {
    failure.ifPresent(reason -> {
      throw ApiException.rejected(reason);
    });
  }
}
