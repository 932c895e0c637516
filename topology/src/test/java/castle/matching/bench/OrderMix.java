package castle.matching.bench;

import castle.matching.book.FastOrderBook;
import castle.matching.book.MatchEnd;
import castle.matching.book.MatchListener;
import castle.matching.book.Order;
import castle.matching.book.OrderBook;
import castle.matching.book.Taker;
import castle.schema.orders.OrderType;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.orders.TimeInForce;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * exchange-core's published benchmark mix for one symbol: 9% GTC orders, 3% IOC orders, 6% cancels
 * and 82% moves (cancel/replace at a nearby price), with about 1,000 resting orders over about 750
 * price levels and about 6% of commands trading. A seeded generator that plays the commands on its
 * own book, so cancels and moves always name orders that are really resting.
 */
public final class OrderMix {

  /** Mid price; resting orders sit within 825 ticks of it on their side, which spreads ~1,000 orders over ~750 levels. */
  public static final long MID = 100_000;
  static final int SLOTS = 825;
  static final int TARGET_ORDERS = 1_000;
  static final int ACCOUNTS = 1_000;

  /** What a command does. */
  public enum Op { GTC, IOC, CANCEL, MOVE }

  /** One command: for a MOVE, the order's new price and its remaining quantity. */
  public record Command(Op op, long orderId, long account, boolean buy, long price, long qty) {}

  private final Random random;
  private final OrderBook book = new FastOrderBook();
  private final Taker taker = new Taker();
  private final List<Long> active = new ArrayList<>();
  private final Map<Long, Integer> position = new HashMap<>();
  private final MatchListener tracker = new MatchListener() {
    @Override
    public void onTrade(Order maker, long qty, long price, long quote) {
      if (maker.leaves() == 0) {
        forget(maker.orderId());
      }
    }

    @Override
    public void onMakerExpired(Order maker) {
      forget(maker.orderId());
    }
  };
  private long nextOrderId = 1;
  private long sequence;
  private long trading;
  private long commands;

  /** A generator with its own seeded random source. */
  public OrderMix(long seed) {
    this.random = new Random(seed);
  }

  /** Passive GTC orders that fill the book to its working size. */
  public List<Command> prefill() {
    List<Command> orders = new ArrayList<>();
    while (active.size() < TARGET_ORDERS) {
      orders.add(play(passive(Op.GTC)));
    }
    return orders;
  }

  /** The next command of the mix, already played on the generator's book. */
  public Command next() {
    int dice = random.nextInt(100);
    Command command;
    if (dice < 9) {
      boolean aggressive = random.nextDouble() < (active.size() > TARGET_ORDERS ? 0.5 : 0.1);
      command = aggressive ? aggressive(Op.GTC) : passive(Op.GTC);
    } else if (dice < 12) {
      command = aggressive(Op.IOC);
    } else if (dice < 18) {
      command = existing(Op.CANCEL);
    } else {
      command = existing(Op.MOVE);
    }
    commands++;
    return play(command);
  }

  /** Share of the commands so far that traded. */
  public double tradingShare() {
    return commands == 0 ? 0 : (double) trading / commands;
  }

  /** Orders resting on the generator's book. */
  public OrderBook book() {
    return book;
  }

  /** Plays a command on {@code book} as matching's core would; returns whether it traded. */
  public static boolean apply(OrderBook book, Taker taker, MatchListener listener, Command c, long sequence) {
    return switch (c.op()) {
      case CANCEL -> {
        book.remove(c.orderId());
        yield false;
      }
      case MOVE -> {
        Order moved = book.remove(c.orderId());
        yield moved != null && place(book, taker, listener, c, moved.leaves(), sequence, true);
      }
      case GTC -> place(book, taker, listener, c, c.qty(), sequence, true);
      case IOC -> place(book, taker, listener, c, c.qty(), sequence, false);
    };
  }

  private static boolean place(
      OrderBook book, Taker taker, MatchListener listener, Command c, long qty, long sequence, boolean rests) {
    Order order = order(c, qty);
    taker.reset(c.buy(), c.price(), c.account(), SelfTradePreventionMode.NONE, qty, Taker.UNLIMITED, 1, 0);
    MatchEnd end = book.match(taker, listener);
    if (end != MatchEnd.QUANTITY_DONE && rests) {
      order.fill(qty - taker.qtyLeft(), 0);
      order.sequence(sequence);
      book.add(order);
    }
    return taker.qtyLeft() < qty;
  }

  /** An order of the mix with the fields matching's core needs. */
  static Order order(Command c, long qty) {
    return new Order(c.orderId(), c.account(), c.orderId(), "", c.buy(), OrderType.LIMIT, TimeInForce.GTC, c.price(),
        qty, 0, 0, SelfTradePreventionMode.NONE, 0, 0, 0, 0);
  }

  private Command play(Command command) {
    Order before = command.op() == Op.MOVE || command.op() == Op.CANCEL ? book.find(command.orderId()) : null;
    if (before != null) {
      forget(before.orderId());
    }
    if (apply(book, taker, tracker, command, ++sequence)) {
      trading++;
    }
    if (book.find(command.orderId()) != null && !position.containsKey(command.orderId())) {
      remember(command.orderId());
    }
    return command;
  }

  private Command passive(Op op) {
    boolean buy = random.nextBoolean();
    long offset = 1 + random.nextInt(SLOTS);
    return new Command(op, nextOrderId++, account(), buy, buy ? MID - offset : MID + offset, 1 + random.nextInt(100));
  }

  private Command aggressive(Op op) {
    boolean buy = random.nextBoolean();
    long best = book.bestPrice(!buy);
    long reach = random.nextInt(4);
    long price = best == 0 ? MID : buy ? best + reach : best - reach;
    // Takers are smaller while the book is thin, so it holds its working size.
    int size = active.size() > TARGET_ORDERS ? 80 : 10;
    return new Command(op, nextOrderId++, account(), buy, price, 1 + random.nextInt(size));
  }

  private Command existing(Op op) {
    if (active.isEmpty()) {
      return passive(Op.GTC);
    }
    Order order = book.find(active.get(random.nextInt(active.size())));
    if (op == Op.CANCEL) {
      return new Command(Op.CANCEL, order.orderId(), order.accountId(), order.buy(), order.price(), order.leaves());
    }
    if (random.nextInt(active.size() > TARGET_ORDERS ? 25 : 200) == 0) {
      // Now and then a move reprices the order through the spread, and it trades.
      long best = book.bestPrice(!order.buy());
      if (best != 0) {
        return new Command(Op.MOVE, order.orderId(), order.accountId(), order.buy(), best, order.leaves());
      }
    }
    long price = order.price() + random.nextInt(7) - 3;
    price = order.buy() ? Math.max(MID - SLOTS, Math.min(MID - 1, price)) : Math.min(MID + SLOTS, Math.max(MID + 1, price));
    return new Command(Op.MOVE, order.orderId(), order.accountId(), order.buy(), price, order.leaves());
  }

  private long account() {
    return 1 + random.nextInt(ACCOUNTS);
  }

  private void remember(long orderId) {
    position.put(orderId, active.size());
    active.add(orderId);
  }

  private void forget(long orderId) {
    Integer at = position.remove(orderId);
    if (at == null) {
      return;
    }
    long last = active.remove(active.size() - 1);
    if (at < active.size()) {
      active.set(at, last);
      position.put(last, at);
    }
  }
}
