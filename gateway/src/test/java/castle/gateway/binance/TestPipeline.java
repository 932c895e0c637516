package castle.gateway.binance;

import castle.schema.orders.CommandKind;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.orders.OrderCommand;
import castle.schema.orders.OrderStatus;
import castle.schema.orders.OrderType;
import castle.schema.orders.PlaceOrder;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.orders.Side;
import castle.schema.orders.TimeInForce;
import castle.topics.Keys;
import castle.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Stands in for accounts and matching in gateway-only tests: reads the commands the gateway wrote
 * and writes the executions a test scripts, in Kafka transactions as the real stages do (so a
 * committed outcome is visible to read_committed readers and an aborted one never is).
 */
final class TestPipeline implements AutoCloseable {

  private final TestTopics topics;
  private final KafkaConsumer<String, OrderCommand> commands;
  private final KafkaProducer<String, Execution> executions;
  private final List<ConsumerRecord<String, OrderCommand>> seen = new ArrayList<>();

  TestPipeline(TestTopics topics) {
    this.topics = topics;
    Map<String, Object> consumerProps = TestTopics.kafka();
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    commands = new KafkaConsumer<>(consumerProps, new StringDeserializer(), Topics.ORDER_COMMANDS.valueSerde().deserializer());
    List<TopicPartition> partitions = commands.partitionsFor(topics.name(Topics.ORDER_COMMANDS)).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition()))
        .toList();
    commands.assign(partitions);
    commands.seekToBeginning(partitions);
    Map<String, Object> producerProps = new HashMap<>(TestTopics.kafka());
    producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-pipeline-" + UUID.randomUUID());
    executions = new KafkaProducer<>(producerProps, new StringSerializer(), Topics.ORDER_EXECUTIONS.valueSerde().serializer());
    executions.initTransactions();
  }

  /** The first command (in arrival order) matching {@code which}, waiting up to 10 s for it. */
  ConsumerRecord<String, OrderCommand> command(Predicate<OrderCommand> which) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, OrderCommand> record : seen) {
        if (which.test(record.value())) {
          return record;
        }
      }
      commands.poll(Duration.ofMillis(100)).forEach(seen::add);
    }
    throw new AssertionError("no such command on " + topics.name(Topics.ORDER_COMMANDS));
  }

  /** Writes executions in one committed transaction. */
  void commit(Execution... events) {
    send(events);
    executions.commitTransaction();
  }

  /** Writes executions in a transaction that is then aborted. */
  void abort(Execution... events) {
    send(events);
    executions.abortTransaction();
  }

  private void send(Execution... events) {
    executions.beginTransaction();
    for (Execution event : events) {
      executions.send(new ProducerRecord<>(
          topics.name(Topics.ORDER_EXECUTIONS), Keys.account(event.getAccountId()), event));
    }
  }

  /** An execution of a placed order, as matching would write it for the order's account. */
  static Execution.Builder of(OrderCommand command, ExecutionType type, OrderStatus status) {
    PlaceOrder order = (PlaceOrder) command.getAction();
    return Execution.newBuilder()
        .setCommandId(command.getCommandId())
        .setCommandKind(CommandKind.PLACE)
        .setCommandComplete(false)
        .setExecutionId(0)
        .setAccountId(command.getAccountId())
        .setSymbol(command.getSymbol())
        .setBaseAsset("BTC")
        .setQuoteAsset("USDT")
        .setBaseScale(8)
        .setQuoteScale(8)
        .setOrderId(order.getOrderId())
        .setClientOrderId(order.getClientOrderId())
        .setSide(order.getSide())
        .setType(order.getType())
        .setTimeInForce(order.getTimeInForce())
        .setPrice(order.getPrice())
        .setOrigQty(order.getQuantity())
        .setQuoteOrderQty(order.getQuoteOrderQty())
        .setStopPrice(order.getStopPrice())
        .setSelfTradePreventionMode(SelfTradePreventionMode.EXPIRE_MAKER)
        .setExecutionType(type)
        .setStatus(status)
        .setOrderTime(1_700_000_000_000L)
        .setTransactTime(1_700_000_000_000L);
  }

  /** An execution of an order that was not placed through the command (a resting order being canceled). */
  static Execution.Builder ofResting(OrderCommand command, CommandKind kind, long orderId, String orderClientId) {
    return Execution.newBuilder()
        .setCommandId(command.getCommandId())
        .setCommandKind(kind)
        .setCommandComplete(false)
        .setExecutionId(0)
        .setAccountId(command.getAccountId())
        .setSymbol(command.getSymbol())
        .setBaseAsset("BTC")
        .setQuoteAsset("USDT")
        .setBaseScale(8)
        .setQuoteScale(8)
        .setOrderId(orderId)
        .setClientOrderId("cancel-client-id")
        .setOrigClientOrderId(orderClientId)
        .setSide(Side.BUY)
        .setType(OrderType.LIMIT)
        .setTimeInForce(TimeInForce.GTC)
        .setPrice(3_000_000_000_000L)
        .setOrigQty(1_000_000)
        .setQuoteOrderQty(0)
        .setStopPrice(0)
        .setSelfTradePreventionMode(SelfTradePreventionMode.EXPIRE_MAKER)
        .setExecutionType(ExecutionType.CANCELED)
        .setStatus(OrderStatus.CANCELED)
        .setOrderTime(1_600_000_000_000L)
        .setTransactTime(1_700_000_000_000L);
  }

  @Override
  public void close() {
    commands.close();
    executions.close();
  }
}
