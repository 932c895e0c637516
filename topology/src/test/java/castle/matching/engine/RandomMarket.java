package castle.matching.engine;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of busy markets: four traders placing every order type, time in force and STP
 * mode on a narrow price band (so orders cross, self-trade and trigger stops often), canceling known,
 * finished and unknown orders, and the operator halting and resuming the symbol now and then.
 * Reservations follow the contract's table, with some deliberately tight market budgets.
 */
public final class RandomMarket {

  public static final String SYMBOL = "BTCUSDT";
  static final int SCALE = 8;
  static final long TICK = 1_000_000L;
  static final long STEP = 1_000L;
  static final long CENTER = 100 * FixedPoint.pow10(SCALE);
  static final long LOT = 10_000_000L;

  private static final SelfTradePreventionMode[] MODES = SelfTradePreventionMode.values();

  private final Random random;
  private final List<Long> placed = new ArrayList<>();
  private long commandId;
  private long time = 1_750_000_000_000L;
  private boolean halted;

  /** One event of the market: a command, or a new symbol configuration. */
  public record Event(AcceptedCommand command, SymbolConfig config, long time) {}

  public RandomMarket(long seed) {
    this.random = new Random(seed);
  }

  /** The symbol's configuration: 8 decimals, tick 0.01, step 0.00001. */
  public static SymbolConfig config(SymbolStatus status, SelfTradePreventionMode stpDefault) {
    return SymbolConfig.newBuilder()
        .setSymbol(SYMBOL).setBaseAsset("BTC").setQuoteAsset("USDT").setBaseScale(SCALE).setQuoteScale(SCALE)
        .setTickSize(TICK).setMinPrice(TICK).setMaxPrice(1_000_000 * FixedPoint.pow10(SCALE))
        .setStepSize(STEP).setMinQty(STEP).setMaxQty(9000 * FixedPoint.pow10(SCALE))
        .setMinNotional(0).setMaxNotional(0)
        .setDefaultSelfTradePreventionMode(stpDefault).setStatus(status).setUpdatedAt(0)
        .build();
  }

  /** The next {@code n} events. */
  public List<Event> next(int n) {
    List<Event> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      events.add(next());
    }
    return events;
  }

  /** The next event. */
  public Event next() {
    time += 1 + random.nextInt(1000);
    int dice = random.nextInt(1000);
    if (halted ? dice < 150 : dice < 8) {
      halted = !halted;
      SelfTradePreventionMode stpDefault = MODES[random.nextInt(MODES.length)];
      return new Event(null, config(halted ? SymbolStatus.HALT : SymbolStatus.TRADING, stpDefault), time);
    }
    long account = 1 + random.nextInt(4);
    Object action;
    if (dice < 130) {
      action = cancel();
    } else if (dice < 150) {
      action = new CancelAllOrders("all-" + commandId);
    } else {
      action = place();
    }
    return new Event(new AcceptedCommand(++commandId, account, SYMBOL, action), null, time);
  }

  private CancelOrder cancel() {
    long target = placed.isEmpty() || random.nextInt(10) == 0 ? 1 + random.nextInt(100_000) : pick();
    if (random.nextInt(4) == 0) {
      return new CancelOrder(0L, "c" + target, "x" + commandId);
    }
    return new CancelOrder(target, null, "x" + commandId);
  }

  private long pick() {
    // Recent orders are the likeliest to be open.
    int n = placed.size();
    return placed.get(Math.max(0, n - 1 - random.nextInt(Math.min(n, 12))));
  }

  private AcceptedOrder place() {
    boolean buy = random.nextBoolean();
    long orderId = random.nextInt(200) == 0 && !placed.isEmpty() ? pick() : 10_000 + placed.size();
    placed.add(orderId);
    long price = CENTER + (random.nextInt(17) - 8) * 5 * TICK;
    long qty = (1 + random.nextInt(20)) * LOT;
    long stop = CENTER + (random.nextInt(17) - 8) * 5 * TICK;
    int kind = random.nextInt(100);
    OrderType type;
    TimeInForce tif = TimeInForce.GTC;
    long quoteOrderQty = 0;
    if (kind < 40) {
      type = OrderType.LIMIT;
    } else if (kind < 48) {
      type = OrderType.LIMIT;
      tif = TimeInForce.IOC;
    } else if (kind < 55) {
      type = OrderType.LIMIT;
      tif = TimeInForce.FOK;
    } else if (kind < 62) {
      type = OrderType.LIMIT_MAKER;
    } else if (kind < 70) {
      type = OrderType.MARKET;
      price = 0;
    } else if (kind < 77) {
      type = OrderType.MARKET;
      price = 0;
      quoteOrderQty = (1 + random.nextInt(3000)) * FixedPoint.pow10(SCALE - 1);
      qty = 0;
    } else {
      type = switch (kind % 4) {
        case 0 -> OrderType.STOP_LOSS;
        case 1 -> OrderType.STOP_LOSS_LIMIT;
        case 2 -> OrderType.TAKE_PROFIT;
        default -> OrderType.TAKE_PROFIT_LIMIT;
      };
      if (type == OrderType.STOP_LOSS || type == OrderType.TAKE_PROFIT) {
        price = 0;
      } else {
        tif = TimeInForce.values()[random.nextInt(3)];
      }
    }
    if (type != OrderType.LIMIT && type != OrderType.STOP_LOSS_LIMIT && type != OrderType.TAKE_PROFIT_LIMIT) {
      tif = TimeInForce.GTC;
    }
    SelfTradePreventionMode stp = random.nextInt(5) < 2 ? null : MODES[random.nextInt(MODES.length)];
    PlaceOrder order = new PlaceOrder(
        orderId, "c" + orderId, buy ? Side.BUY : Side.SELL, type, tif, price, qty, quoteOrderQty,
        StopOrders.isStop(type) ? stop : 0, stp);
    return new AcceptedOrder(order, reservation(order), 1000, 2000);
  }

  /** The contract's reservation table, with market budgets sometimes tight. */
  private long reservation(PlaceOrder o) {
    boolean buy = o.getSide() == Side.BUY;
    if (!buy) {
      return o.getQuantity() > 0 ? o.getQuantity() : (1 + random.nextInt(40)) * LOT;
    }
    return switch (o.getType()) {
      case MARKET -> o.getQuoteOrderQty() > 0
          ? o.getQuoteOrderQty()
          : (1 + random.nextInt(4000)) * FixedPoint.pow10(SCALE - 1);
      case STOP_LOSS, TAKE_PROFIT ->
          FixedPoint.notionalCeil(o.getStopPrice() + o.getStopPrice() / 20, o.getQuantity(), SCALE);
      default -> FixedPoint.notionalCeil(o.getPrice(), o.getQuantity(), SCALE);
    };
  }
}
