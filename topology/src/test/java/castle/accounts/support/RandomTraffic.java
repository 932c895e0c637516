package castle.accounts.support;

import static castle.accounts.support.Market.units;

import castle.schema.orders.CancelAllOrders;
import castle.schema.orders.CancelOrder;
import castle.schema.orders.OrderCommand;
import castle.schema.orders.OrderType;
import castle.schema.orders.PlaceOrder;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.orders.Side;
import castle.schema.orders.TimeInForce;
import castle.schema.reference.SymbolConfig;
import castle.schema.reference.SymbolStatus;
import castle.schema.users.KycStatus;
import castle.schema.users.Role;
import castle.schema.users.UserEvent;
import castle.schema.users.UserEventType;
import castle.schema.wallet.CancelWithdrawal;
import castle.schema.wallet.CompleteWithdrawal;
import castle.schema.wallet.Deposit;
import castle.schema.wallet.RequestWithdrawal;
import castle.schema.wallet.WalletCommand;
import castle.topics.Keys;
import castle.topics.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.avro.specific.SpecificRecord;

/**
 * A reproducible stream of exchange traffic from a seed: traders with verified KYC and initial
 * funds, then a random mix of orders of every type (limit, market by quantity and by quote, maker
 * only, stops and take-profits, IOC and FOK, every self-trade mode), cancels by id and by client id,
 * cancel-alls, deposits and withdrawals that are requested, completed or cancelled. The first
 * {@code n} inputs of a seed are the same whatever comes after, so a shorter run is a prefix.
 */
public final class RandomTraffic {

  /** One record for one of the pipeline's input topics. */
  public record Input(String topic, String key, SpecificRecord value, long timestamp) {}

  /** The first trader's account id; the others follow. */
  public static final long FIRST_TRADER = 5_000_000_001L;

  private static final String[] ASSETS = {Market.BTC, Market.USDT, Market.ETH};

  private final SplittableRandom random;
  private final int traders;
  private final int maxStepMs;
  private final Map<Integer, List<PlaceOrder>> placed = new HashMap<>();
  private final Map<Integer, List<String>> withdrawals = new HashMap<>();
  private final Map<Long, String> symbols = new HashMap<>();
  private long time;
  private long ids = 1_000_000_000_000L;

  /**
   * Traffic of {@code traders} accounts from {@code seed}, starting at {@code startTime}, each input
   * up to {@code maxStepMs} after the one before.
   */
  public RandomTraffic(long seed, int traders, long startTime, int maxStepMs) {
    this.random = new SplittableRandom(seed);
    this.traders = traders;
    this.time = startTime;
    this.maxStepMs = maxStepMs;
  }

  /** The account id of trader {@code i}. */
  public static long trader(int i) {
    return FIRST_TRADER + i;
  }

  /** Ids of every trader. */
  public List<Long> accountIds() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < traders; i++) {
      ids.add(trader(i));
    }
    return ids;
  }

  /**
   * The symbols, each trader registered and verified (fee tiers 0, 1, 2 in turn) and funded with
   * {@code wealth} x (20,000 USDT, 1 BTC, 10 ETH). A wealth of 1 keeps balances tight, so many orders
   * are refused for insufficient balance; more wealth lets more of them trade.
   */
  public List<Input> preamble(int wealth) {
    List<Input> inputs = new ArrayList<>();
    for (SymbolConfig symbol : List.of(Market.btcUsdt(SymbolStatus.TRADING), Market.ethBtc())) {
      inputs.add(new Input(Topics.SYMBOLS.name(), symbol.getSymbol(), symbol, time));
    }
    for (int i = 0; i < traders; i++) {
      inputs.add(user(i, UserEventType.REGISTERED, KycStatus.NONE, 0));
      inputs.add(user(i, UserEventType.KYC_APPROVED, KycStatus.VERIFIED, 1 + i % 2));
      inputs.add(wallet(i, new Deposit("seed-usdt-" + i, Market.USDT, wealth * units("20000"), Market.SCALE, null)));
      inputs.add(wallet(i, new Deposit("seed-btc-" + i, Market.BTC, wealth * units("1"), Market.SCALE, null)));
      inputs.add(wallet(i, new Deposit("seed-eth-" + i, Market.ETH, wealth * units("10"), Market.SCALE, null)));
    }
    return inputs;
  }

  /** The next {@code n} random inputs. */
  public List<Input> next(int n) {
    List<Input> inputs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      inputs.add(next());
    }
    return inputs;
  }

  /** The next inputs up to and including the {@code n}-th order placement. */
  public List<Input> nextOrders(int n) {
    List<Input> inputs = new ArrayList<>();
    int orders = 0;
    while (orders < n) {
      Input input = next();
      inputs.add(input);
      if (input.value() instanceof OrderCommand command && command.getAction() instanceof PlaceOrder) {
        orders++;
      }
    }
    return inputs;
  }

  /** One random input. */
  public Input next() {
    time += random.nextInt(0, maxStepMs + 1);
    int trader = random.nextInt(traders);
    int kind = random.nextInt(100);
    if (kind < 62) {
      return place(trader);
    }
    if (kind < 74) {
      return cancel(trader);
    }
    if (kind < 77) {
      return order(trader, random.nextBoolean() ? Market.BTCUSDT : Market.ETHBTC, new CancelAllOrders("all" + ids++));
    }
    if (kind < 85) {
      String asset = ASSETS[random.nextInt(ASSETS.length)];
      return wallet(trader, new Deposit("dep" + ids++, asset, amount(asset, 50), Market.SCALE, null));
    }
    if (kind < 93) {
      String asset = ASSETS[random.nextInt(ASSETS.length)];
      String id = "wd" + ids++;
      withdrawals.computeIfAbsent(trader, t -> new ArrayList<>()).add(id);
      return wallet(trader, new RequestWithdrawal(id, asset, amount(asset, 10), Market.SCALE, "addr-" + trader));
    }
    List<String> mine = withdrawals.getOrDefault(trader, List.of());
    String id = mine.isEmpty() ? "wd-none" : mine.get(random.nextInt(mine.size()));
    return wallet(trader, random.nextBoolean() ? new CompleteWithdrawal(id, "tx-" + id) : new CancelWithdrawal(id, "user"));
  }

  private Input place(int trader) {
    boolean btc = random.nextInt(3) > 0;
    long tick = units(btc ? "10" : "0.0001");
    long mid = units(btc ? "30000" : "0.05");
    long lot = units(btc ? "0.001" : "0.01");
    Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
    int r = random.nextInt(100);
    OrderType type = r < 55 ? OrderType.LIMIT : r < 72 ? OrderType.MARKET : r < 80 ? OrderType.LIMIT_MAKER
        : r < 85 ? OrderType.STOP_LOSS : r < 90 ? OrderType.STOP_LOSS_LIMIT : r < 95 ? OrderType.TAKE_PROFIT
        : OrderType.TAKE_PROFIT_LIMIT;
    int t = random.nextInt(100);
    TimeInForce tif = type != OrderType.LIMIT || t < 70 ? TimeInForce.GTC : t < 85 ? TimeInForce.IOC : TimeInForce.FOK;
    long id = ids++;
    PlaceOrder.Builder order = PlaceOrder.newBuilder()
        .setOrderId(id)
        .setClientOrderId(reusedClientId(trader).orElse("o" + id))
        .setSide(side).setType(type).setTimeInForce(tif)
        .setPrice(0).setQuantity(lot * random.nextInt(1, 60)).setQuoteOrderQty(0).setStopPrice(0)
        .setSelfTradePreventionMode(stp());
    if (type == OrderType.LIMIT || type == OrderType.LIMIT_MAKER || type.name().endsWith("_LIMIT")) {
      order.setPrice(mid + tick * random.nextInt(-8, 9));
    }
    if (type.name().startsWith("STOP") || type.name().startsWith("TAKE")) {
      order.setStopPrice(mid + tick * random.nextInt(-8, 9));
    }
    if (type == OrderType.MARKET && random.nextBoolean()) {
      order.setQuantity(0).setQuoteOrderQty(units(btc ? "10" : "0.0005") * random.nextInt(1, 300));
    }
    PlaceOrder built = order.build();
    placed.computeIfAbsent(trader, k -> new ArrayList<>()).add(built);
    return order(trader, btc ? Market.BTCUSDT : Market.ETHBTC, built);
  }

  private Input cancel(int trader) {
    List<PlaceOrder> mine = placed.getOrDefault(trader, List.of());
    if (mine.isEmpty() || random.nextInt(10) == 0) {
      return order(trader, Market.BTCUSDT, new CancelOrder(ids++, null, "cx" + ids));
    }
    PlaceOrder target = mine.get(random.nextInt(mine.size()));
    String symbol = symbolOf(target);
    return random.nextInt(3) == 0
        ? order(trader, symbol, new CancelOrder(0L, target.getClientOrderId(), "cx" + ids++))
        : order(trader, symbol, new CancelOrder(target.getOrderId(), null, "cx" + ids++));
  }

  private String symbolOf(PlaceOrder order) {
    return symbols.get(order.getOrderId());
  }

  private Input order(int trader, String symbol, Object action) {
    if (action instanceof PlaceOrder order) {
      symbols.put(order.getOrderId(), symbol);
    }
    OrderCommand command = new OrderCommand(ids++, trader(trader), symbol, action);
    return new Input(Topics.ORDER_COMMANDS.name(), Keys.account(trader(trader)), command, time);
  }

  private Optional<String> reusedClientId(int trader) {
    List<PlaceOrder> mine = placed.getOrDefault(trader, List.of());
    if (mine.isEmpty() || random.nextInt(20) != 0) {
      return Optional.empty();
    }
    return Optional.of(mine.get(random.nextInt(mine.size())).getClientOrderId());
  }

  private SelfTradePreventionMode stp() {
    int r = random.nextInt(SelfTradePreventionMode.values().length + 1);
    return r == 0 ? null : SelfTradePreventionMode.values()[r - 1];
  }

  private long amount(String asset, int maxUnits) {
    long unit = switch (asset) {
      case Market.BTC -> units("0.05");
      case Market.ETH -> units("0.5");
      default -> units("500");
    };
    return unit * random.nextInt(1, maxUnits + 1);
  }

  private Input user(int trader, UserEventType type, KycStatus kyc, int kycTier) {
    UserEvent event = UserEvent.newBuilder()
        .setUserId(trader(trader)).setEmail("trader" + trader + "@castle.test").setCommandId(ids++).setType(type)
        .setRole(Role.USER).setKycStatus(kyc).setKycTier(kycTier).setFeeTier(trader % 3).setTime(time)
        .build();
    return new Input(Topics.USER_EVENTS.name(), Keys.account(trader(trader)), event, time);
  }

  private Input wallet(int trader, Object action) {
    WalletCommand command = new WalletCommand(ids++, trader(trader), action);
    return new Input(Topics.WALLET_COMMANDS.name(), Keys.account(trader(trader)), command, time);
  }
}
