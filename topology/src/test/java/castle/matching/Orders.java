package castle.matching;

import castle.money.Decimals;
import castle.money.FixedPoint;
import castle.schema.orders.AcceptedCommand;
import castle.schema.orders.AcceptedOrder;
import castle.schema.orders.CancelAllOrders;
import castle.schema.orders.CancelOrder;
import castle.schema.orders.OrderType;
import castle.schema.orders.PlaceOrder;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.orders.Side;
import castle.schema.orders.TimeInForce;
import castle.schema.reference.SymbolConfig;
import castle.schema.reference.SymbolStatus;

/**
 * Test vocabulary for matching: the BTCUSDT market, three traders, and orders written the way a
 * trader says them ({@code buy(ALICE).limit("100", "1.5")}), funded the way accounts funds them.
 */
final class Orders {

  static final String SYMBOL = "BTCUSDT";
  static final int SCALE = 8;
  static final long ALICE = 1001;
  static final long BOB = 1002;
  static final long CAROL = 1003;
  static final int MAKER_FEE_PPM = 1000;
  static final int TAKER_FEE_PPM = 2000;

  private Orders() {}

  /** BTCUSDT: 8 decimals on both assets, tick 0.01, step 0.00001, trading, no STP by default. */
  static SymbolConfig btcusdt(SymbolStatus status, SelfTradePreventionMode stpDefault) {
    return SymbolConfig.newBuilder()
        .setSymbol(SYMBOL).setBaseAsset("BTC").setQuoteAsset("USDT").setBaseScale(SCALE).setQuoteScale(SCALE)
        .setTickSize(units("0.01")).setMinPrice(units("0.01")).setMaxPrice(units("1000000"))
        .setStepSize(units("0.00001")).setMinQty(units("0.00001")).setMaxQty(units("9000"))
        .setMinNotional(units("5")).setMaxNotional(0)
        .setDefaultSelfTradePreventionMode(stpDefault).setStatus(status).setUpdatedAt(0)
        .build();
  }

  static SymbolConfig btcusdt() {
    return btcusdt(SymbolStatus.TRADING, SelfTradePreventionMode.NONE);
  }

  /** A decimal at the market's 8 decimals. */
  static long units(String decimal) {
    return Decimals.parse(decimal, SCALE);
  }

  static Place buy(long account) {
    return new Place(account, Side.BUY);
  }

  static Place sell(long account) {
    return new Place(account, Side.SELL);
  }

  static CancelOrder cancel(long orderId) {
    return new CancelOrder(orderId, null, "cancel-" + orderId);
  }

  static CancelOrder cancelByClientId(String origClientOrderId) {
    return new CancelOrder(0L, origClientOrderId, "cancel-" + origClientOrderId);
  }

  static CancelAllOrders cancelAll() {
    return new CancelAllOrders("cancel-all");
  }

  /** An order being written; the fixture gives it its ids when placing it. */
  static final class Place {
    final long account;
    final Side side;
    OrderType type = OrderType.LIMIT;
    TimeInForce timeInForce = TimeInForce.GTC;
    long price;
    long quantity;
    long quoteOrderQty;
    long stopPrice;
    SelfTradePreventionMode stp;
    Long reserved;
    String clientOrderId;

    Place(long account, Side side) {
      this.account = account;
      this.side = side;
    }

    Place limit(String price, String quantity) {
      this.type = OrderType.LIMIT;
      this.price = units(price);
      this.quantity = units(quantity);
      return this;
    }

    Place limitMaker(String price, String quantity) {
      limit(price, quantity);
      this.type = OrderType.LIMIT_MAKER;
      return this;
    }

    Place market(String quantity) {
      this.type = OrderType.MARKET;
      this.quantity = units(quantity);
      return this;
    }

    Place marketQuote(String quoteOrderQty) {
      this.type = OrderType.MARKET;
      this.quoteOrderQty = units(quoteOrderQty);
      return this;
    }

    Place stopLoss(String stopPrice, String quantity) {
      return market(quantity).triggeredAt(OrderType.STOP_LOSS, stopPrice);
    }

    Place stopLossLimit(String stopPrice, String price, String quantity) {
      return limit(price, quantity).triggeredAt(OrderType.STOP_LOSS_LIMIT, stopPrice);
    }

    Place takeProfit(String stopPrice, String quantity) {
      return market(quantity).triggeredAt(OrderType.TAKE_PROFIT, stopPrice);
    }

    Place takeProfitLimit(String stopPrice, String price, String quantity) {
      return limit(price, quantity).triggeredAt(OrderType.TAKE_PROFIT_LIMIT, stopPrice);
    }

    private Place triggeredAt(OrderType stopType, String stopPrice) {
      this.type = stopType;
      this.stopPrice = units(stopPrice);
      return this;
    }

    Place ioc() {
      this.timeInForce = TimeInForce.IOC;
      return this;
    }

    Place fok() {
      this.timeInForce = TimeInForce.FOK;
      return this;
    }

    Place stp(SelfTradePreventionMode mode) {
      this.stp = mode;
      return this;
    }

    /** Overrides the reservation accounts would make (a market buy's budget, for instance). */
    Place reserved(String amount) {
      this.reserved = units(amount);
      return this;
    }

    Place clientOrderId(String id) {
      this.clientOrderId = id;
      return this;
    }

    /** What accounts reserves for the order under the contract's table. */
    long reservation() {
      if (reserved != null) {
        return reserved;
      }
      if (side == Side.SELL) {
        return quantity > 0 ? quantity : units("1000");
      }
      return switch (type) {
        case MARKET -> quoteOrderQty > 0 ? quoteOrderQty : units("1000000");
        case STOP_LOSS, TAKE_PROFIT -> FixedPoint.notionalCeil(stopPrice + stopPrice / 20, quantity, SCALE);
        default -> FixedPoint.notionalCeil(price, quantity, SCALE);
      };
    }

    AcceptedCommand command(long commandId, long orderId) {
      PlaceOrder order = new PlaceOrder(
          orderId, clientOrderId != null ? clientOrderId : "c" + orderId, side, type, timeInForce, price, quantity,
          quoteOrderQty, stopPrice, stp);
      return new AcceptedCommand(
          commandId, account, SYMBOL, new AcceptedOrder(order, reservation(), MAKER_FEE_PPM, TAKER_FEE_PPM));
    }
  }
}
