package castle.users;

import castle.schema.users.UserRecord;
import castle.serde.AvroSerde;
import castle.topics.Topics;
import castle.topology.StreamsApp;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The users app, keyed by normalized email: registration, KYC, API keys, MFA and fee tiers. It reads
 * {@code users.commands}, keeps every user in the {@value #STORE} store, and writes each command's
 * event to {@code users.events} (keyed by user id, which accounts reads) and API key records to the
 * compacted {@code users.apikeys} (keyed by key, which gateways read). It never sees a plaintext
 * secret. Runs exactly once with Castle's default settings: a replayed command must not create a
 * second key or a second event.
 */
public final class UsersApp implements StreamsApp {

  /** The app's name; its application id is {@code castle-users}. */
  public static final String NAME = "users";

  /** Users by normalized email. */
  public static final String STORE = "users";

  static final String SOURCE = "user-commands";
  static final String PROCESSOR = "apply-user-command";
  static final String EVENTS_SINK = "user-events";
  static final String API_KEYS_SINK = "api-keys";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Topology topology() {
    Topology topology = new Topology();
    topology.addSource(
        SOURCE,
        Topics.USER_COMMANDS.keySerde().deserializer(),
        Topics.USER_COMMANDS.valueSerde().deserializer(),
        Topics.USER_COMMANDS.name());
    topology.addProcessor(PROCESSOR, UserCommandProcessor::new, SOURCE);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STORE), Serdes.String(), AvroSerde.of(UserRecord.class)),
        PROCESSOR);
    topology.addSink(
        EVENTS_SINK,
        Topics.USER_EVENTS.name(),
        Topics.USER_EVENTS.keySerde().serializer(),
        Topics.USER_EVENTS.valueSerde().serializer(),
        PROCESSOR);
    topology.addSink(
        API_KEYS_SINK,
        Topics.API_KEYS.name(),
        Topics.API_KEYS.keySerde().serializer(),
        Topics.API_KEYS.valueSerde().serializer(),
        PROCESSOR);
    return topology;
  }
}
