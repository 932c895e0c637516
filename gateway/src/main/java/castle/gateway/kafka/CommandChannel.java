package castle.gateway.kafka;

import castle.gateway.api.ApiException;
import castle.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;

/**
 * A request-response exchange over Kafka: a command goes to its topic (acks=all, stamped with the
 * time the gateway received it) and the call returns the command's one outcome from the outcome
 * topic, or -1007 when either took longer than the timeout.
 *
 * @param <C> the command type
 * @param <O> the outcome type
 */
public final class CommandChannel<C extends SpecificRecord, O extends SpecificRecord> {

  private final TopicProducer producer;
  private final Topic<C> commands;
  private final OutcomeWaiter<O> outcomes;
  private final Clock clock;
  private final Duration timeout;

  /** Commands to {@code commands} through {@code producer}, answered from {@code outcomes}. */
  public CommandChannel(TopicProducer producer, Topic<C> commands, OutcomeWaiter<O> outcomes, Clock clock, Duration timeout) {
    this.producer = producer;
    this.commands = commands;
    this.outcomes = outcomes;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** Sends {@code command} (whose id is {@code commandId}) under {@code key} and returns its outcome. */
  public O send(long commandId, String key, C command) {
    try {
      return outcomes.sendAndAwait(
          commandId, () -> producer.send(commands, key, command, clock.millis(), timeout), timeout);
    } catch (TimeoutException e) {
      throw ApiException.backendTimeout();
    }
  }
}
