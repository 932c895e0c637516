package castle.gateway.identity.users;

import castle.gateway.api.ApiException;
import castle.gateway.identity.IdentityErrors;
import castle.gateway.ids.IdGenerator;
import castle.gateway.kafka.CommandChannel;
import castle.schema.users.UserCommand;
import castle.schema.users.UserEvent;
import castle.schema.users.UserEventType;

/**
 * Sends commands to the users topology and answers with their outcome: the command goes to
 * users.commands keyed by the normalized email, and the call returns once the command's event is
 * committed on users.events, so whatever the caller does next (log in, use the new API key) sees it.
 * A refusal becomes the matching API error.
 */
public final class UserCommands {

  private final CommandChannel<UserCommand, UserEvent> channel;
  private final IdGenerator ids;

  /** Commands to users.commands answered from users.events through {@code channel}, with ids from {@code ids}. */
  public UserCommands(CommandChannel<UserCommand, UserEvent> channel, IdGenerator ids) {
    this.channel = channel;
    this.ids = ids;
  }

  /**
   * Applies {@code action} (a RegisterUser, SubmitKyc, ... record) to the user with {@code email}.
   *
   * @return the accepted command's event
   * @throws ApiException when the topology refused it, or -1007 when no outcome came in time
   */
  public UserEvent send(String email, Object action) {
    long commandId = ids.next();
    UserEvent event = channel.send(commandId, email, new UserCommand(commandId, email, action));
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
