package castle.matching;

import static castle.matching.Orders.ALICE;
import static castle.matching.Orders.BOB;
import static castle.matching.Orders.CAROL;
import static castle.matching.Orders.buy;
import static castle.matching.Orders.sell;
import static org.assertj.core.api.Assertions.assertThat;

import castle.matching.MatchingDriver.Outcome;
import castle.schema.market.DepthUpdate;
import castle.schema.orders.Execution;
import castle.topics.Keys;
import castle.topology.StageStamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** What every output record carries: keys, sequences without gaps, times and stage stamps. */
class OutputContractTest extends ScenarioTest {

  @Test
  void executionsAreKeyedByAccountNumberedWithoutGapsAndStampedInHeadersOnly() {
    // Given
    long before = System.currentTimeMillis() * 1000;
    List<Outcome> outcomes = new ArrayList<>();
    outcomes.add(market.place(sell(BOB).limit("100", "1")));
    outcomes.add(market.place(sell(CAROL).limit("101", "1")));
    outcomes.add(market.place(buy(ALICE).limit("101", "1.5")));
    outcomes.add(market.cancel(BOB, Orders.cancel(99)));
    outcomes.add(market.cancelAll(ALICE));

    // Then every execution is keyed by its account, the ids run 1, 2, 3... and each command
    // completes exactly once on its own account
    List<TestRecord<String, Execution>> records = outcomes.stream().flatMap(o -> o.executionRecords().stream()).toList();
    assertThat(records).allMatch(r -> r.key().equals(Keys.account(r.value().getAccountId())));
    assertThat(records).extracting(r -> r.value().getExecutionId())
        .containsExactlyElementsOf(range(1, records.size()));
    for (Outcome outcome : outcomes) {
      assertThat(outcome.executions()).filteredOn(Execution::getCommandComplete).hasSize(1)
          .allMatch(e -> e.getCommandId() == outcome.commandId());
      assertThat(outcome.executions()).allMatch(e -> e.getTransactTime() == outcome.executionRecords().get(0).timestamp());
    }

    // And the wall-clock stamp travels in the castle.t.matching header, 8 bytes of epoch micros
    for (TestRecord<String, Execution> record : records) {
      Header stamp = record.headers().lastHeader(StageStamp.MATCHING);
      assertThat(stamp.value()).hasSize(8);
      assertThat(StageStamp.read(record.headers(), StageStamp.MATCHING)).isBetween(before, before + 600_000_000L);
    }
  }

  @Test
  void depthUpdatesAndTradesAreNumberedPerSymbolWithoutGaps() {
    // When
    List<Outcome> outcomes = List.of(
        market.place(sell(BOB).limit("100", "1")),
        market.place(sell(BOB).limit("101", "1")),
        market.place(buy(ALICE).limit("99", "1")),
        market.place(buy(CAROL).market("2")),
        market.cancel(ALICE, Orders.cancel(3)));

    // Then
    assertThat(outcomes.stream().flatMap(o -> o.depthUpdates().stream()).map(DepthUpdate::getUpdateId))
        .containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(outcomes.get(3).trades()).extracting(t -> t.getTradeId()).containsExactly(1L, 2L);
    assertThat(market.depth(5000).lastUpdateId()).isEqualTo(5);
  }

  @Test
  void earlierStagesStampsArePassedOn() {
    // Given a command carrying the gateway's stamp
    var input = market.driver().createInputTopic(castle.topics.Topics.ORDERS_ACCEPTED.name(),
        castle.topics.Topics.ORDERS_ACCEPTED.keySerde().serializer(),
        castle.topics.Topics.ORDERS_ACCEPTED.valueSerde().serializer());
    var output = market.driver().createOutputTopic(castle.topics.Topics.ORDER_EXECUTIONS.name(),
        castle.topics.Topics.ORDER_EXECUTIONS.keySerde().deserializer(),
        castle.topics.Topics.ORDER_EXECUTIONS.valueSerde().deserializer());
    var record = new TestRecord<>(Orders.SYMBOL, buy(ALICE).limit("100", "1").command(1, 1));
    record.headers().add("castle.t.gateway", new byte[] {0, 0, 0, 0, 0, 0, 0, 42});

    // When
    input.pipeInput(record);

    // Then
    TestRecord<String, Execution> out = output.readRecord();
    assertThat(StageStamp.read(out.headers(), "castle.t.gateway")).isEqualTo(42);
    assertThat(out.headers().lastHeader(StageStamp.MATCHING)).isNotNull();
  }

  private static List<Long> range(long from, long to) {
    List<Long> ids = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      ids.add(i);
    }
    return ids;
  }
}
