package castle.matching.bench;

import castle.matching.book.FastOrderBook;
import castle.matching.book.MatchListener;
import castle.matching.book.Order;
import castle.matching.book.OrderBook;
import castle.matching.book.ReferenceOrderBook;
import castle.matching.book.Taker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The book core on exchange-core's mix ({@link OrderMix}): place, cancel, move and match on one
 * thread, on the fast book and, for comparison, the reference book. Each invocation replays the same
 * 100,000 commands on a book freshly prefilled with about 1,000 orders, so every measurement sees the
 * same work. Run with {@code ./topology/jmh BookCoreBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BookCoreBenchmark {

  static final int COMMANDS = 100_000;

  @Param({"fast", "reference"})
  public String book;

  private List<OrderMix.Command> prefill;
  private OrderMix.Command[] commands;
  private OrderBook orders;
  private final Taker taker = new Taker();
  private final Trades trades = new Trades();

  /** Counts what matched, so the work cannot be optimized away. */
  static final class Trades implements MatchListener {
    long quantity;

    @Override
    public void onTrade(Order maker, long qty, long price, long quote) {
      quantity += qty;
    }

    @Override
    public void onMakerExpired(Order maker) {
      quantity++;
    }
  }

  @Setup(Level.Trial)
  public void generate() {
    OrderMix mix = new OrderMix(42);
    prefill = mix.prefill();
    List<OrderMix.Command> generated = new ArrayList<>(COMMANDS);
    for (int i = 0; i < COMMANDS; i++) {
      generated.add(mix.next());
    }
    commands = generated.toArray(OrderMix.Command[]::new);
  }

  @Setup(Level.Invocation)
  public void prefilledBook() {
    orders = book.equals("fast") ? new FastOrderBook() : new ReferenceOrderBook();
    long sequence = 0;
    for (OrderMix.Command command : prefill) {
      OrderMix.apply(orders, taker, trades, command, ++sequence);
    }
  }

  @Benchmark
  @OperationsPerInvocation(COMMANDS)
  public long mix() {
    long sequence = prefill.size();
    for (OrderMix.Command command : commands) {
      OrderMix.apply(orders, taker, trades, command, ++sequence);
    }
    return trades.quantity + orders.size();
  }
}
