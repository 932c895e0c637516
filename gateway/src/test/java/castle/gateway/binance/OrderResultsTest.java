package castle.gateway.binance;

import static castle.gateway.binance.SignedRequestsHttpTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import castle.gateway.binance.TestGateway.Reply;
import castle.gateway.binance.limits.RateLimitSettings;
import castle.orders.RejectReason;
import castle.schema.orders.CancelAllOrders;
import castle.schema.orders.CancelOrder;
import castle.schema.orders.CommandKind;
import castle.schema.orders.ExecutionType;
import castle.schema.orders.OrderCommand;
import castle.schema.orders.OrderStatus;
import castle.schema.orders.OrderType;
import castle.schema.orders.PlaceOrder;
import castle.schema.orders.Side;
import castle.schema.orders.TimeInForce;
import castle.schema.users.ApiPermission;
import castle.topics.Topics;
import castle.topology.StageStamp;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * New orders and cancels answered as Binance would: ACK once Kafka has the command, RESULT and
 * FULL once the committed executions of the order are in, rejections as their 4xx, and -1007 when
 * the outcome does not come in time; {@code order/test} checks the same way and writes nothing, and
 * parameters Castle does not know are ignored. The executions come from a scripted stand-in for accounts and
 * matching that writes them transactionally; the end-to-end test runs the real stages.
 */
class OrderResultsTest {

  static final String KEY = "resultsKey0000000000000000000000000000000000000000000000000000001";
  static final String SECRET = "results-secret";
  static final long ACCOUNT = 3001;

  static TestTopics topics;
  static TestGateway gateway;
  static TestGateway second;
  static TestGateway impatient;
  static TestPipeline pipeline;

  @BeforeAll
  static void start() throws Exception {
    topics = TestTopics.create("results");
    topics.publish(TestMarkets.btcusdt());
    topics.publish(TestMarkets.key(KEY, SECRET, ACCOUNT, ApiPermission.TRADE, false));
    gateway = TestGateway.start(topics);
    second = TestGateway.start(topics, 2, RateLimitSettings.binance(), Duration.ofSeconds(5), Clock.systemUTC());
    impatient = TestGateway.start(topics, 3, RateLimitSettings.binance(), Duration.ofMillis(300), Clock.systemUTC());
    pipeline = new TestPipeline(topics);
  }

  @AfterAll
  static void stop() {
    pipeline.close();
    impatient.close();
    second.close();
    gateway.close();
  }

  @Test
  void ackAnswersOnceKafkaHasTheCommand() throws Exception {
    Reply reply = gateway.signed("POST", "/api/v3/order",
        "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.015&price=30000.5&newClientOrderId=ack-1"
            + "&newOrderRespType=ACK&selfTradePreventionMode=EXPIRE_BOTH", KEY, SECRET);

    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    JsonNode ack = reply.body();
    assertThat(ack.path("symbol").asText()).isEqualTo("BTCUSDT");
    assertThat(ack.path("clientOrderId").asText()).isEqualTo("ack-1");
    assertThat(ack.path("orderListId").asLong()).isEqualTo(-1);
    assertThat(ack.path("orderId").isIntegralNumber()).isTrue();
    assertThat(reply.header("X-MBX-ORDER-COUNT-10S")).isNotNull();
    assertThat(reply.header("X-MBX-ORDER-COUNT-1D")).isNotNull();

    ConsumerRecord<String, OrderCommand> record = pipeline.command(clientOrderId("ack-1"));
    PlaceOrder order = (PlaceOrder) record.value().getAction();
    assertThat(record.key()).isEqualTo(Long.toString(ACCOUNT));
    assertThat(record.value().getAccountId()).isEqualTo(ACCOUNT);
    assertThat(order.getOrderId()).isEqualTo(ack.path("orderId").asLong());
    assertThat(order.getSide()).isEqualTo(Side.BUY);
    assertThat(order.getType()).isEqualTo(OrderType.LIMIT);
    assertThat(order.getTimeInForce()).isEqualTo(TimeInForce.GTC);
    assertThat(order.getPrice()).isEqualTo(3_000_050_000_000L);
    assertThat(order.getQuantity()).isEqualTo(1_500_000L);
    assertThat(order.getSelfTradePreventionMode().name()).isEqualTo("EXPIRE_BOTH");
    assertThat(record.timestamp()).isEqualTo(ack.path("transactTime").asLong());
    long stampMicros = StageStamp.read(record.headers(), StageStamp.GATEWAY);
    assertThat(stampMicros / 1000).isEqualTo(record.timestamp());
  }

  @Test
  void fullWaitsForTheCommittedExecutionsAndListsEveryFill() throws Exception {
    CompletableFuture<Reply> reply = async(gateway,
        "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.02&newClientOrderId=full-1&newOrderRespType=FULL");
    OrderCommand command = pipeline.command(clientOrderId("full-1")).value();

    // A REJECTED outcome that was aborted, and executions of other orders and accounts, are not the answer.
    pipeline.abort(TestPipeline.of(command, ExecutionType.REJECTED, OrderStatus.REJECTED)
        .setReason(RejectReason.INSUFFICIENT_BALANCE.message()).setCommandComplete(true).build());
    pipeline.commit(
        TestPipeline.of(command, ExecutionType.NEW, OrderStatus.NEW).build(),
        TestPipeline.of(command, ExecutionType.TRADE, OrderStatus.FILLED).setAccountId(ACCOUNT + 1)
            .setOrderId(42).setCommandComplete(true).build(),
        TestPipeline.of(command, ExecutionType.TRADE, OrderStatus.PARTIALLY_FILLED)
            .setLastQty(1_000_000).setLastPrice(3_000_000_000_000L).setLastQuoteQty(30_000_000_000L)
            .setCumQty(1_000_000).setCumQuoteQty(30_000_000_000L).setTradeId(7).build());
    pipeline.commit(
        TestPipeline.of(command, ExecutionType.TRADE, OrderStatus.FILLED)
            .setLastQty(1_000_000).setLastPrice(3_000_100_000_000L).setLastQuoteQty(30_001_000_000L)
            .setCumQty(2_000_000).setCumQuoteQty(60_001_000_000L).setTradeId(8)
            .setCommission(1_000).setCommissionAsset("BTC").setTransactTime(1_700_000_000_123L)
            .setCommandComplete(true).build());

    JsonNode full = reply.get().body();
    assertThat(reply.get().status()).as(full.toString()).isEqualTo(200);
    assertThat(full.path("status").asText()).isEqualTo("FILLED");
    assertThat(full.path("clientOrderId").asText()).isEqualTo("full-1");
    assertThat(full.path("origQty").asText()).isEqualTo("0.02000000");
    assertThat(full.path("executedQty").asText()).isEqualTo("0.02000000");
    assertThat(full.path("cummulativeQuoteQty").asText()).isEqualTo("600.01000000");
    assertThat(full.path("transactTime").asLong()).isEqualTo(1_700_000_000_123L);
    assertThat(full.path("type").asText()).isEqualTo("MARKET");
    assertThat(full.path("fills")).hasSize(2);
    assertThat(full.path("fills").get(0).toString()).isEqualTo(
        "{\"price\":\"30000.00000000\",\"qty\":\"0.01000000\",\"commission\":\"0.00000000\",\"commissionAsset\":\"BTC\",\"tradeId\":7}");
    assertThat(full.path("fills").get(1).path("commission").asText()).isEqualTo("0.00001000");
    assertThat(full.path("fills").get(1).path("price").asText()).isEqualTo("30001.00000000");
  }

  @Test
  void resultIsTheOrderWithoutFills() throws Exception {
    CompletableFuture<Reply> reply = async(gateway,
        "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.01&price=31000&newClientOrderId=result-1"
            + "&newOrderRespType=RESULT");
    OrderCommand command = pipeline.command(clientOrderId("result-1")).value();
    pipeline.commit(TestPipeline.of(command, ExecutionType.NEW, OrderStatus.NEW).setCommandComplete(true).build());

    JsonNode result = reply.get().body();
    assertThat(result.path("status").asText()).isEqualTo("NEW");
    assertThat(result.path("price").asText()).isEqualTo("31000.00000000");
    assertThat(result.path("isWorking").asBoolean()).isTrue();
    assertThat(result.has("fills")).isFalse();
  }

  @Test
  void aRejectionIsTheMatchingClientError() throws Exception {
    CompletableFuture<Reply> reply = async(gateway,
        "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=30000&newClientOrderId=poor-1");
    OrderCommand command = pipeline.command(clientOrderId("poor-1")).value();
    pipeline.commit(TestPipeline.of(command, ExecutionType.REJECTED, OrderStatus.REJECTED)
        .setReason(RejectReason.INSUFFICIENT_BALANCE.message()).setCommandComplete(true).build());

    assertError(reply.get(), 400, -2010, "Account has insufficient balance for requested action.");
  }

  @Test
  void noOutcomeInTimeIsMinus1007AndTheCommandStillStands() throws Exception {
    Reply reply = impatient.signed("POST", "/api/v3/order",
        "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=30000&newClientOrderId=slow-1", KEY, SECRET);

    assertError(reply, 408, -1007,
        "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");
    assertThat(pipeline.command(clientOrderId("slow-1")).value().getAccountId()).isEqualTo(ACCOUNT);
  }

  @Test
  void everyGatewayInstanceSeesTheOutcomesOfItsOwnCommands() throws Exception {
    CompletableFuture<Reply> first = async(gateway,
        "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=IOC&quantity=0.01&price=30000&newClientOrderId=inst-1");
    CompletableFuture<Reply> other = async(second,
        "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=IOC&quantity=0.01&price=30000&newClientOrderId=inst-2");
    OrderCommand one = pipeline.command(clientOrderId("inst-1")).value();
    OrderCommand two = pipeline.command(clientOrderId("inst-2")).value();
    pipeline.commit(
        TestPipeline.of(two, ExecutionType.EXPIRED, OrderStatus.EXPIRED).setCommandComplete(true).build(),
        TestPipeline.of(one, ExecutionType.EXPIRED, OrderStatus.EXPIRED).setCommandComplete(true).build());

    assertThat(first.get().body().path("clientOrderId").asText()).isEqualTo("inst-1");
    assertThat(other.get().body().path("clientOrderId").asText()).isEqualTo("inst-2");
    assertThat(other.get().body().path("status").asText()).isEqualTo("EXPIRED");
    assertThat(((PlaceOrder) one.getAction()).getOrderId()).isNotEqualTo(((PlaceOrder) two.getAction()).getOrderId());
  }

  @Test
  void cancelAnswersWithTheCanceledOrder() throws Exception {
    CompletableFuture<Reply> reply = CompletableFuture.supplyAsync(() -> call(() -> gateway.signed("DELETE",
        "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=resting-1&newClientOrderId=cancel-1", KEY, SECRET)));
    OrderCommand command = pipeline.command(c -> c.getAction() instanceof CancelOrder cancel
        && cancel.getClientOrderId().equals("cancel-1")).value();
    CancelOrder cancel = (CancelOrder) command.getAction();
    assertThat(cancel.getOrigClientOrderId()).isEqualTo("resting-1");
    assertThat(cancel.getOrderId()).isZero();
    pipeline.commit(TestPipeline.ofResting(command, CommandKind.CANCEL, 77, "resting-1")
        .setClientOrderId("cancel-1").setCommandComplete(true).build());

    JsonNode canceled = reply.get().body();
    assertThat(canceled.path("status").asText()).isEqualTo("CANCELED");
    assertThat(canceled.path("orderId").asLong()).isEqualTo(77);
    assertThat(canceled.path("origClientOrderId").asText()).isEqualTo("resting-1");
    assertThat(canceled.path("clientOrderId").asText()).isEqualTo("cancel-1");
    assertThat(canceled.path("transactTime").asLong()).isEqualTo(1_700_000_000_000L);
  }

  @Test
  void cancelOfAnUnknownOrFinalOrderIsMinus2011() throws Exception {
    CompletableFuture<Reply> reply = CompletableFuture.supplyAsync(() -> call(() -> gateway.signed("DELETE",
        "/api/v3/order", "symbol=BTCUSDT&orderId=987654321&newClientOrderId=cancel-2", KEY, SECRET)));
    OrderCommand command = pipeline.command(c -> c.getAction() instanceof CancelOrder cancel
        && cancel.getClientOrderId().equals("cancel-2")).value();
    pipeline.commit(TestPipeline.ofResting(command, CommandKind.CANCEL, 987654321, null)
        .setExecutionType(ExecutionType.REJECTED).setStatus(OrderStatus.REJECTED)
        .setReason(RejectReason.UNKNOWN_ORDER.message()).setCommandComplete(true).build());

    assertError(reply.get(), 400, -2011, "Unknown order sent.");
  }

  @Test
  void cancelAllAnswersWithEveryCanceledOrder() throws Exception {
    CompletableFuture<Reply> reply = CompletableFuture.supplyAsync(() -> call(() -> gateway.signed("DELETE",
        "/api/v3/openOrders", "symbol=BTCUSDT&newClientOrderId=cancel-all-1", KEY, SECRET)));
    OrderCommand command = pipeline.command(c -> c.getAction() instanceof CancelAllOrders all
        && all.getClientOrderId().equals("cancel-all-1")).value();
    pipeline.commit(
        TestPipeline.ofResting(command, CommandKind.CANCEL_ALL, 81, "a").build(),
        TestPipeline.ofResting(command, CommandKind.CANCEL_ALL, 82, "b").setCommandComplete(true).build());

    JsonNode canceled = reply.get().body();
    assertThat(canceled.findValuesAsText("orderId")).containsExactly("81", "82");
    assertThat(canceled.findValuesAsText("origClientOrderId")).containsExactly("a", "b");
  }

  @Test
  void orderTestChecksAnOrderAsARealOneButWritesNothing() throws Exception {
    String order = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=30000&newOrderRespType=ACK";
    Map<String, Long> before = topics.endOffsets();

    Reply valid = gateway.signed("POST", "/api/v3/order/test", order + "&newClientOrderId=dry-1", KEY, SECRET);
    Reply invalid = gateway.signed("POST", "/api/v3/order/test",
        order.replace("price=30000", "price=30000.001") + "&newClientOrderId=dry-2", KEY, SECRET);

    assertThat(valid.status()).as(valid.body().toString()).isEqualTo(200);
    assertThat(valid.body().toString()).isEqualTo("{}");
    assertError(invalid, 400, -1013, "Filter failure: PRICE_FILTER");
    assertThat(topics.endOffsets()).as("end offsets of every topic the gateway uses").isEqualTo(before);
    // ...whereas the same order placed for real is one more record on orders.commands
    Reply placed = gateway.signed("POST", "/api/v3/order", order + "&newClientOrderId=dry-1", KEY, SECRET);
    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(200);
    String commands = topics.name(Topics.ORDER_COMMANDS);
    assertThat(topics.endOffsets().get(commands)).isEqualTo(before.get(commands) + 1);
  }

  @Test
  void unknownOptionalParametersAreIgnoredAsBinanceIgnoresThem() throws Exception {
    String order = "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.02&price=31000&newClientOrderId=extra-1"
        + "&newOrderRespType=ACK&strategyId=17&strategyType=1000000&someFutureFlag=on";

    Reply tested = gateway.signed("POST", "/api/v3/order/test", order, KEY, SECRET);
    Reply placed = gateway.signed("POST", "/api/v3/order", order, KEY, SECRET);

    assertThat(tested.status()).as(tested.body().toString()).isEqualTo(200);
    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(200);
    PlaceOrder command = (PlaceOrder) pipeline.command(clientOrderId("extra-1")).value().getAction();
    assertThat(command.getOrderId()).isEqualTo(placed.body().path("orderId").asLong());
    assertThat(command.getSide()).isEqualTo(Side.SELL);
    assertThat(command.getPrice()).isEqualTo(3_100_000_000_000L);
    assertThat(command.getQuantity()).isEqualTo(2_000_000L);
  }

  @Test
  void readsAnswer503WhileAccountStateCannotBeReached() throws Exception {
    assertError(gateway.signed("GET", "/api/v3/account", "", KEY, SECRET), 503, -1001,
        "Internal error; unable to process your request. Please try again.");
  }

  private static Predicate<OrderCommand> clientOrderId(String id) {
    return command -> command.getAction() instanceof PlaceOrder place && place.getClientOrderId().equals(id);
  }

  private static CompletableFuture<Reply> async(TestGateway via, String params) {
    return CompletableFuture.supplyAsync(() -> call(() -> via.signed("POST", "/api/v3/order", params, KEY, SECRET)));
  }

  private interface Call {
    Reply run() throws Exception;
  }

  private static Reply call(Call call) {
    try {
      return call.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
