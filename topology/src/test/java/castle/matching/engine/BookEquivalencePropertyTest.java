package castle.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import castle.matching.book.FastOrderBook;
import castle.matching.book.Order;
import castle.matching.book.ReferenceOrderBook;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.reference.SymbolStatus;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The fast book and the reference book, each under its own engine, fed the same random markets:
 * their outputs must be identical, and after every command both keep the market invariants.
 */
class BookEquivalencePropertyTest {

  @Property(tries = 10_000, seed = "3")
  void fastAndReferenceBooksProduceIdenticalOutputs(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int commands) {
    SymbolEngine fast = new SymbolEngine(RandomMarket.SYMBOL, new FastOrderBook());
    SymbolEngine reference = new SymbolEngine(RandomMarket.SYMBOL, new ReferenceOrderBook());
    MarketInvariants fastInvariants = new MarketInvariants();
    MarketInvariants referenceInvariants = new MarketInvariants();
    fast.configure(RandomMarket.config(SymbolStatus.TRADING, SelfTradePreventionMode.NONE));
    reference.configure(RandomMarket.config(SymbolStatus.TRADING, SelfTradePreventionMode.NONE));

    for (RandomMarket.Event event : new RandomMarket(seed).next(commands)) {
      if (event.config() != null) {
        fast.configure(event.config());
        reference.configure(event.config());
        continue;
      }
      CommandOutput fastOut = fast.execute(event.command(), event.time());
      List<Object> fastRecords = records(fastOut);
      fastInvariants.check(fast, event.command(), fastOut);
      CommandOutput referenceOut = reference.execute(event.command(), event.time());
      referenceInvariants.check(reference, event.command(), referenceOut);

      assertThat(fastRecords).as("outputs of command %s", event.command()).isEqualTo(records(referenceOut));
      assertThat(snapshot(fast)).isEqualTo(snapshot(reference));
      assertThat(fast.state()).isEqualTo(reference.state());
    }
  }

  private static List<Object> records(CommandOutput output) {
    List<Object> records = new ArrayList<>(output.executions());
    records.addAll(output.trades());
    records.add(output.depthUpdate());
    return records;
  }

  private static List<String> snapshot(SymbolEngine engine) {
    List<String> orders = new ArrayList<>();
    engine.book().forEachOrder(o -> orders.add(describe(o)));
    engine.stops().all().forEach(o -> orders.add("stop " + describe(o)));
    return orders;
  }

  private static String describe(Order o) {
    return o.orderId() + " " + o.leaves() + "@" + o.price() + " seq " + o.sequence() + " cum " + o.cumQty() + "/"
        + o.cumQuote();
  }
}
