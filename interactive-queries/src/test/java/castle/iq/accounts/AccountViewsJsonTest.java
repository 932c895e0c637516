package castle.iq.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import castle.schema.orders.OrderStatus;
import castle.schema.orders.OrderType;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.orders.Side;
import castle.schema.orders.TimeInForce;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers of account queries survive the JSON trip between instances unchanged. */
class AccountViewsJsonTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void answersTravelBetweenInstancesUnchanged() throws Exception {
    OrderList orders = new OrderList(List.of(new OrderView(
        "BTCUSDT", 42, "bot-1", Side.SELL, OrderType.STOP_LOSS_LIMIT, TimeInForce.IOC, 3_000_000_000_000L, 50_000_000,
        0, 2_900_000_000_000L, SelfTradePreventionMode.EXPIRE_BOTH, 8, 8, OrderStatus.PARTIALLY_FILLED, 10_000_000,
        300_000_000_000L, false, 1_700_000_000_000L, 1_700_000_000_500L, -1)));
    TradeList trades = new TradeList(List.of(
        new TradeView("BTCUSDT", 7, 42, 1, 2, 3, 4, "USDT", 8, 8, 8, 5, false, true)));
    AccountView account = new AccountView(9, true, 900, 1000, 6, List.of(new BalanceView("BTC", 8, 1, 2)));

    assertThat(json.readValue(json.writeValueAsBytes(orders), OrderList.class)).isEqualTo(orders);
    assertThat(json.readValue(json.writeValueAsBytes(trades), TradeList.class)).isEqualTo(trades);
    assertThat(json.readValue(json.writeValueAsBytes(account), AccountView.class)).isEqualTo(account);
  }
}
