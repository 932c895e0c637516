package castle.gateway.kafka;

import castle.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Lets a request wait for the outcome of the command it sent: the one record on an outcome topic
 * (users.events, wallet.outcomes) that carries the command's id. It reads the topic from its end as
 * of startup; a request registers its id before sending, so its outcome cannot slip past.
 *
 * @param <V> the outcome type
 */
public final class OutcomeWaiter<V extends SpecificRecord> implements AutoCloseable {

  /** Sends the command whose outcome is awaited. */
  @FunctionalInterface
  public interface Sender {
    void send() throws TimeoutException;
  }

  private final Map<Long, CompletableFuture<V>> pending = new ConcurrentHashMap<>();
  private final ToLongFunction<V> commandId;
  private final TopicReader<V> reader;

  private OutcomeWaiter(KafkaClients clients, Topic<V> topic, ToLongFunction<V> commandId) {
    this.commandId = commandId;
    this.reader = TopicReader.start(clients, topic, false, this::complete);
  }

  /** Starts waiting for outcomes on {@code topic}, matched by {@code commandId}. */
  public static <V extends SpecificRecord> OutcomeWaiter<V> start(
      KafkaClients clients, Topic<V> topic, ToLongFunction<V> commandId) {
    return new OutcomeWaiter<>(clients, topic, commandId);
  }

  /**
   * Sends a command and returns its outcome.
   *
   * @throws TimeoutException when sending or the outcome took longer than {@code timeout}
   */
  public V sendAndAwait(long id, Sender sender, Duration timeout) throws TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture<V> outcome = new CompletableFuture<>();
    if (pending.putIfAbsent(id, outcome) != null) {
      throw new IllegalStateException("Command id " + id + " is already awaited");
    }
    try {
      sender.send();
      return outcome.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimeoutException("interrupted while waiting for command " + id);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pending.remove(id);
    }
  }

  /** Why outcomes cannot be awaited, or empty while the reader runs. */
  public Optional<String> problem() {
    return reader.alive() ? Optional.empty() : Optional.of("outcome reader stopped");
  }

  private void complete(List<ConsumerRecord<String, V>> batch) {
    for (ConsumerRecord<String, V> record : batch) {
      CompletableFuture<V> waiting = pending.get(commandId.applyAsLong(record.value()));
      if (waiting != null) {
        waiting.complete(record.value());
      }
    }
  }

  @Override
  public void close() {
    reader.close();
  }
}
