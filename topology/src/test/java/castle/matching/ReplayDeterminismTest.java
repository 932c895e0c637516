package castle.matching;

import static org.assertj.core.api.Assertions.assertThat;

import castle.matching.book.FastOrderBook;
import castle.matching.book.ReferenceOrderBook;
import castle.matching.engine.RandomMarket;
import castle.matching.engine.SymbolEngine;
import castle.matching.state.BookStore;
import castle.matching.state.StateHash;
import castle.schema.matching.BookOrder;
import castle.schema.matching.SymbolBook;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.reference.SymbolStatus;
import castle.serde.AvroSerde;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replaying matching's input from the start reproduces every output byte and the same state; and
 * the changelogs alone are enough to rebuild the books.
 */
class ReplayDeterminismTest {

  static List<RandomMarket.Event> events;

  @BeforeAll
  static void aBusyMarket() {
    events = new ArrayList<>();
    events.add(new RandomMarket.Event(null, RandomMarket.config(SymbolStatus.TRADING, SelfTradePreventionMode.NONE), 0));
    events.addAll(new RandomMarket(20260101).next(3000));
  }

  @Test
  void replayingTheInputGivesByteIdenticalOutputsAndTheSameStateHash(
      @TempDir Path first, @TempDir Path second, @TempDir Path reference) {
    // When the same input runs twice, and once more on the reference book
    Replay one = Replay.run(first, FastOrderBook::new, events);
    Replay two = Replay.run(second, FastOrderBook::new, events);
    Replay plain = Replay.run(reference, ReferenceOrderBook::new, events);

    // Then
    assertThat(one.outputs).hasSizeGreaterThan(3000);
    assertThat(two.outputs).containsExactlyElementsOf(one.outputs);
    assertThat(plain.outputs).containsExactlyElementsOf(one.outputs);
    assertThat(StateHash.of(two.storedEngines.values())).isEqualTo(StateHash.of(one.storedEngines.values()));
    assertThat(StateHash.of(plain.storedEngines.values())).isEqualTo(StateHash.of(one.storedEngines.values()));
  }

  @Test
  void theStoresHoldExactlyTheStateOfTheBooksInMemory(@TempDir Path state) {
    // Given the same market run by a bare engine, without Kafka
    SymbolEngine memory = new SymbolEngine(RandomMarket.SYMBOL, new FastOrderBook());
    for (RandomMarket.Event event : events) {
      if (event.config() != null) {
        memory.configure(event.config());
      } else {
        memory.execute(event.command(), event.time());
      }
    }

    // When the processor runs it and writes through to its stores
    Replay run = Replay.run(state, FastOrderBook::new, events);

    // Then the stores rebuild that very state
    assertThat(StateHash.of(run.storedEngines.values())).isEqualTo(StateHash.of(List.of(memory)));
  }

  @Test
  void theChangelogsAloneRebuildTheBooksExactly(@TempDir Path state) {
    // Given a run and what it wrote to its two changelogs
    Replay run = Replay.run(state, FastOrderBook::new, events);

    // When the changelogs are read back, latest value per key, tombstones deleting
    Map<String, byte[]> symbols = new TreeMap<>();
    Map<String, byte[]> orders = new TreeMap<>();
    for (Replay.Written record : run.changelog) {
      Map<String, byte[]> table = record.topic().equals(Replay.SYMBOLS_CHANGELOG) ? symbols : orders;
      if (record.value() == null) {
        table.remove(record.key());
      } else {
        table.put(record.key(), record.value());
      }
    }
    AvroSerde<SymbolBook> symbolSerde = AvroSerde.of(SymbolBook.class);
    AvroSerde<BookOrder> orderSerde = AvroSerde.of(BookOrder.class);
    Map<String, SymbolEngine> rebuilt = BookStore.rebuild(
        symbols.values().stream().map(symbolSerde::decode).toList(),
        orders.values().stream().map(orderSerde::decode).toList(),
        FastOrderBook::new);

    // Then they hold the same books, order for order, as the stores the run ended with
    SymbolEngine engine = rebuilt.get(RandomMarket.SYMBOL);
    assertThat(engine.book().size() + engine.stops().size()).isPositive();
    assertThat(StateHash.of(rebuilt.values())).isEqualTo(StateHash.of(run.storedEngines.values()));
  }
}
