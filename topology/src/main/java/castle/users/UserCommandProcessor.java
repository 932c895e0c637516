package castle.users;

import castle.schema.users.UserCommand;
import castle.schema.users.UserRecord;
import castle.topics.Keys;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies each user command to the user stored under its email, stores the result and forwards the
 * command's one event (keyed by user id) and any API key record (keyed by the key). Store write and
 * outputs commit in one transaction, so a reader that has seen the event can query the new state.
 */
final class UserCommandProcessor implements Processor<String, UserCommand, String, SpecificRecord> {

  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, UserRecord> users;

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.users = context.getStateStore(UsersApp.STORE);
  }

  @Override
  public void process(Record<String, UserCommand> command) {
    if (command.key() == null || command.value() == null) {
      return;
    }
    Transition transition = UserLifecycle.apply(
        command.key(), users.get(command.key()), command.value(), command.timestamp());
    if (transition.changed()) {
      users.put(command.key(), transition.user());
    }
    context.forward(
        command.withKey(Keys.account(transition.event().getUserId())).withValue(transition.event()), UsersApp.EVENTS_SINK);
    if (transition.apiKey() != null) {
      context.forward(
          command.withKey(transition.apiKey().getApiKey()).withValue(transition.apiKey()), UsersApp.API_KEYS_SINK);
    }
  }
}
