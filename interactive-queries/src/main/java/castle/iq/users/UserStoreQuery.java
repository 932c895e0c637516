package castle.iq.users;

import castle.iq.StoreQuery;
import castle.schema.users.UserRecord;
import castle.users.UsersApp;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A read of one user in the users app's store, by normalized email (the store's key). Unknown
 * emails answer null.
 *
 * @param <R> the view of the user this query returns
 */
abstract class UserStoreQuery<R> implements StoreQuery<R> {

  @Override
  public String application() {
    return UsersApp.NAME;
  }

  @Override
  public String store() {
    return UsersApp.STORE;
  }

  @Override
  public R run(KafkaStreams streams, String key, Map<String, String> params) {
    if (key == null) {
      throw new IllegalArgumentException(name() + " needs an email");
    }
    ReadOnlyKeyValueStore<String, UserRecord> users =
        streams.store(StoreQueryParameters.fromNameAndType(UsersApp.STORE, QueryableStoreTypes.keyValueStore()));
    UserRecord user = users.get(key);
    return user == null ? null : view(user);
  }

  /** The answer for a stored user. */
  abstract R view(UserRecord user);
}
