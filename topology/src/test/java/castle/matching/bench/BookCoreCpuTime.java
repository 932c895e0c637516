package castle.matching.bench;

import castle.matching.book.FastOrderBook;
import castle.matching.book.OrderBook;
import castle.matching.book.ReferenceOrderBook;
import castle.matching.book.Taker;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link BookCoreBenchmark}'s work measured in CPU time instead of wall time, the two books in
 * alternating rounds: on a machine shared with other jobs, wall-clock throughput mostly measures
 * the neighbours, while operations per CPU-second stay close to what an idle core does. Run with
 * {@code ./topology/jmh --cpu-time} (the script hands over to this class).
 */
public final class BookCoreCpuTime {

  private BookCoreCpuTime() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    OrderMix mix = new OrderMix(42);
    List<OrderMix.Command> prefill = mix.prefill();
    List<OrderMix.Command> commands = new ArrayList<>();
    for (int i = 0; i < BookCoreBenchmark.COMMANDS; i++) {
      commands.add(mix.next());
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[] fastNanos = new long[rounds];
    long[] referenceNanos = new long[rounds];
    for (int round = 0; round < rounds; round++) {
      fastNanos[round] = run(cpu, FastOrderBook::new, prefill, commands);
      referenceNanos[round] = run(cpu, ReferenceOrderBook::new, prefill, commands);
    }
    report("fast", fastNanos, commands.size());
    report("reference", referenceNanos, commands.size());
  }

  private static long run(ThreadMXBean cpu, Supplier<OrderBook> books, List<OrderMix.Command> prefill,
      List<OrderMix.Command> commands) {
    OrderBook book = books.get();
    Taker taker = new Taker();
    BookCoreBenchmark.Trades trades = new BookCoreBenchmark.Trades();
    long sequence = 0;
    for (OrderMix.Command command : prefill) {
      OrderMix.apply(book, taker, trades, command, ++sequence);
    }
    long start = cpu.getCurrentThreadCpuTime();
    for (OrderMix.Command command : commands) {
      OrderMix.apply(book, taker, trades, command, ++sequence);
    }
    long nanos = cpu.getCurrentThreadCpuTime() - start;
    if (trades.quantity < 0) {
      throw new IllegalStateException("unreachable; keeps the work observable");
    }
    return nanos;
  }

  /** Operations per CPU-second: the median of the second half of the rounds (the first half warms up). */
  private static void report(String name, long[] nanos, int operations) {
    long[] measured = java.util.Arrays.copyOfRange(nanos, nanos.length / 2, nanos.length);
    java.util.Arrays.sort(measured);
    long median = measured[measured.length / 2];
    System.out.printf("%-10s %,.0f ops per CPU-second (median of %d rounds of %,d commands; best %,.0f)%n",
        name, operations * 1e9 / median, measured.length, operations, operations * 1e9 / measured[0]);
  }
}
