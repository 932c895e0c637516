package castle.gateway.identity.users;

import castle.gateway.api.ApiException;
import castle.gateway.identity.IdentityErrors;
import castle.gateway.ids.IdGenerator;
import castle.gateway.kafka.OutcomeWaiter;
import castle.gateway.kafka.TopicProducer;
import castle.schema.users.UserCommand;
import castle.schema.users.UserEvent;
import castle.schema.users.UserEventType;
import castle.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Sends commands to the users topology and answers with their outcome: the command goes to
 * users.commands keyed by the normalized email, and the call returns once the command's event is
 * committed on users.events, so whatever the caller does next (log in, use the new API key) sees it.
 * A refusal becomes the matching API error.
 */
public final class UserCommands {

  private final TopicProducer producer;
  private final OutcomeWaiter<UserEvent> events;
  private final IdGenerator ids;
  private final Clock clock;
  private final Duration timeout;

  /** Commands sent through {@code producer}, answered from {@code events}, each within {@code timeout}. */
  public UserCommands(TopicProducer producer, OutcomeWaiter<UserEvent> events, IdGenerator ids, Clock clock, Duration timeout) {
    this.producer = producer;
    this.events = events;
    this.ids = ids;
    this.clock = clock;
    this.timeout = timeout;
  }

  /**
   * Applies {@code action} (a RegisterUser, SubmitKyc, ... record) to the user with {@code email}.
   *
   * @return the accepted command's event
   * @throws ApiException when the topology refused it, or -1007 when no outcome came in time
   */
  public UserEvent send(String email, Object action) {
    long commandId = ids.next();
    UserCommand command = new UserCommand(commandId, email, action);
    UserEvent event;
    try {
      event = events.sendAndAwait(
          commandId, () -> producer.send(Topics.USER_COMMANDS, email, command, clock.millis(), timeout), timeout);
    } catch (TimeoutException e) {
      throw ApiException.backendTimeout();
    }
    if (event.getType() == UserEventType.COMMAND_REJECTED) {
      throw IdentityErrors.refused(event.getReason());
    }
    return event;
  }

  /** A fresh id for a new user, from the same generator as command ids. */
  public long newUserId() {
    return ids.next();
  }
}
