package castle.sinks.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import castle.schema.orders.ExecutionType;
import castle.schema.orders.OrderStatus;
import castle.schema.orders.Side;
import castle.sinks.kit.Fixtures;
import org.junit.jupiter.api.Test;

class TradeHistoryItemsTest {

  @Test
  void sortKeysOrderByTimeAndNameTheTradeUniquely() {
    assertThat(TradeHistoryItems.sortKey(1_732_600_000_000L, "BTCUSDT", 42, "BUY"))
        .isEqualTo("1732600000000#BTCUSDT-42-BUY");
    assertThat(TradeHistoryItems.sortKey(999, "BTCUSDT", 1, "SELL"))
        .isLessThan(TradeHistoryItems.sortKey(1_000, "AAA", 1, "BUY"));
  }

  @Test
  void onlyTradeEventsBecomeItemsWithExactDecimalAmounts() {
    var fill = Fixtures.fill(3, 7, 100, Side.SELL, 9, 1_000);
    var created = Fixtures.execution(2, 7, 100, Side.SELL, ExecutionType.NEW, OrderStatus.NEW, 1, 1, -1, 1_000);

    var item = TradeHistoryItems.item(fill).orElseThrow();

    assertThat(TradeHistoryItems.item(created)).isEmpty();
    assertThat(item.get("pk").s()).isEqualTo("7");
    assertThat(item.get("price").n()).isEqualTo("30000.00000000");
    assertThat(item.get("commission").n()).isEqualTo("3.00000000");
    assertThat(item.get("commissionAsset").s()).isEqualTo("USDT");
    assertThat(item.get("isMaker").bool()).isTrue();
  }
}
