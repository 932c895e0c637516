package castle.gateway.binance.orders;

import castle.gateway.api.ApiException;
import castle.gateway.kafka.KafkaClients;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.serde.AvroSerde;
import castle.topics.Keys;
import castle.topics.Topics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for the outcomes of this gateway's own commands on {@code orders.executions}.
 *
 * <p>Every gateway instance reads every partition itself, without a consumer group, from the end
 * of the topic as it was when the instance started: a command can be sent through any instance for
 * any account, so each instance must see all executions to find its own, and a group would share
 * partitions out instead. It reads with {@code read_committed}, so only executions that accounts and
 * matching have committed are answered. Records are keyed by account, so only those of accounts
 * with a command waiting here are decoded; the rest are skipped on their key alone.
 *
 * <p>A waiting command collects the executions of the order it targets (all of its account's
 * executions for a cancel) until the one marked {@code commandComplete}, or fails with -1007 when
 * the bound passes first. The command must be registered with {@link #expect} before it is sent.
 */
public final class CommandOutcomes implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CommandOutcomes.class);
  private static final Duration POLL = Duration.ofMillis(500);

  /** One command's awaited outcome. */
  public final class Pending {
    private final long commandId;
    private final long accountId;
    private final String accountKey;
    private final long orderId;
    private final List<Execution> events = new ArrayList<>();
    private final CompletableFuture<List<Execution>> outcome = new CompletableFuture<>();
    private ScheduledFuture<?> timeout;

    private Pending(long commandId, long accountId, long orderId) {
      this.commandId = commandId;
      this.accountId = accountId;
      this.accountKey = Keys.account(accountId);
      this.orderId = orderId;
    }

    /** Completes with the command's executions, in order, the last one marked {@code commandComplete}. */
    public CompletableFuture<List<Execution>> outcome() {
      return outcome;
    }

    /** Stops waiting, for a command that could not be sent. */
    public void abandon() {
      finish();
    }

    private void offer(Execution execution) {
      if (execution.getAccountId() != accountId) {
        return;
      }
      boolean ofTarget = orderId == 0
          || execution.getOrderId() == orderId
          || execution.getExecutionType() == ExecutionType.REJECTED && execution.getCommandComplete();
      if (!ofTarget) {
        return;
      }
      events.add(execution);
      if (execution.getCommandComplete()) {
        finish();
        outcome.complete(List.copyOf(events));
      }
    }

    private void finish() {
      if (pending.remove(commandId, this)) {
        waitingAccounts.computeIfPresent(accountKey, (key, count) -> count == 1 ? null : count - 1);
      }
      if (timeout != null) {
        timeout.cancel(false);
      }
    }
  }

  private final String topic;
  private final Duration bound;
  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaClientMetrics metrics;
  private final AvroSerde<Execution> serde = Topics.ORDER_EXECUTIONS.valueSerde();
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final Map<String, Integer> waitingAccounts = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;
  private final Thread reader;
  private volatile boolean positioned;
  private volatile boolean running = true;
  private volatile String failure;

  /** Starts following {@code topic}; commands wait at most {@code bound} for their outcome. */
  public CommandOutcomes(KafkaClients clients, String topic, Duration bound) {
    this.topic = topic;
    this.bound = bound;
    Map<String, Object> props = clients.properties();
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "castle-gateway-outcomes");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // Answer only what accounts and matching have committed: an aborted execution never happened.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // An outcome is waited for: hand it over as soon as one record is there.
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.metrics = clients.bind(consumer);
    this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "outcome-timeouts");
      thread.setDaemon(true);
      return thread;
    });
    this.reader = new Thread(this::run, "outcomes-" + topic);
    this.reader.setDaemon(true);
    this.reader.start();
  }

  /**
   * Starts waiting for the outcome of a command, before it is sent.
   *
   * @param orderId the placed order's id, whose executions make the outcome; 0 for cancels, whose
   *     outcome is every execution of the account carrying the command id
   * @throws ApiException 503 while this gateway is not yet following the executions
   */
  public Pending expect(long commandId, long accountId, long orderId) {
    if (!positioned) {
      throw ApiException.backendUnavailable();
    }
    Pending waiting = new Pending(commandId, accountId, orderId);
    waitingAccounts.merge(waiting.accountKey, 1, Integer::sum);
    pending.put(commandId, waiting);
    waiting.timeout = timer.schedule(() -> {
      waiting.finish();
      waiting.outcome.completeExceptionally(ApiException.backendTimeout());
    }, bound.toMillis(), TimeUnit.MILLISECONDS);
    return waiting;
  }

  /** Why outcomes cannot be awaited, for the readiness check; empty when they can. */
  public Optional<String> problem() {
    if (failure != null) {
      return Optional.of(failure);
    }
    return positioned ? Optional.empty() : Optional.of("not yet following " + topic);
  }

  private void run() {
    try {
      List<TopicPartition> partitions = TopicPartitions.await(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      // Resolve the end offsets now: anything written after this point will be seen.
      partitions.forEach(consumer::position);
      positioned = true;
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          if (record.key() != null && waitingAccounts.containsKey(record.key())) {
            deliver(record);
          }
        }
      }
    } catch (WakeupException e) {
      // close() asked us to stop.
    } catch (RuntimeException e) {
      failure = "following " + topic + " failed: " + e.getMessage();
      LOG.error("Stopped following {}", topic, e);
    } finally {
      consumer.close();
      metrics.close();
    }
  }

  private void deliver(ConsumerRecord<String, byte[]> record) {
    Execution execution;
    try {
      execution = serde.decode(record.value());
    } catch (RuntimeException e) {
      LOG.warn("Skipping undecodable execution at {}-{}@{}: {}",
          record.topic(), record.partition(), record.offset(), e.getMessage());
      return;
    }
    if (execution == null) {
      return;
    }
    Pending waiting = pending.get(execution.getCommandId());
    if (waiting != null) {
      waiting.offer(execution);
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    timer.shutdownNow();
    try {
      reader.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
