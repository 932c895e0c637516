package castle.accounts;

import castle.accounts.config.AccountsConfig;
import castle.accounts.store.AccountStores;
import castle.schema.reference.SymbolConfig;
import castle.topics.Topic;
import castle.topics.Topics;
import castle.topology.TopicNames;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The accounts topology, top to bottom:
 *
 * <pre>
 * orders.commands ─┐                      ┌─> orders.accepted   (by symbol: accepted places, cancels)
 * orders.executions┼─> accounts processor ┼─> orders.executions (REJECTED by accounts)
 * wallet.commands ─┤   (stores keyed by   ├─> wallet.ledger     (every balance change)
 * users.events ────┘    account)          ├─> wallet.outcomes   (one per wallet command)
 *                                         └─> wallet.commands   (FeeCredit to the fee account)
 * symbols ──> global store accounts-symbols
 * </pre>
 *
 * The four inputs are keyed by account and co-partitioned, so one task owns every record and every
 * store entry of an account. Accounts reads back its own outputs on orders.executions (and ignores
 * them) and on wallet.commands (where fee credits reach the fee account's partition).
 */
public final class AccountsTopology {

  static final String PROCESSOR = "accounts";

  private AccountsTopology() {}

  /** The topology with this configuration, over these topic names. */
  public static Topology build(AccountsConfig config, TopicNames names) {
    Topology topology = new Topology();
    String[] sources = {
      source(topology, names, Topics.ORDER_COMMANDS),
      source(topology, names, Topics.ORDER_EXECUTIONS),
      source(topology, names, Topics.WALLET_COMMANDS),
      source(topology, names, Topics.USER_EVENTS)
    };
    topology.addProcessor(PROCESSOR, () -> new AccountsProcessor(config), sources);
    AccountStores.builders().forEach(store -> topology.addStateStore(store, PROCESSOR));

    sink(topology, names, Outputs.ACCEPTED, Topics.ORDERS_ACCEPTED);
    sink(topology, names, Outputs.EXECUTIONS, Topics.ORDER_EXECUTIONS);
    sink(topology, names, Outputs.LEDGER, Topics.WALLET_LEDGER);
    sink(topology, names, Outputs.OUTCOMES, Topics.WALLET_OUTCOMES);
    sink(topology, names, Outputs.WALLET_COMMANDS, Topics.WALLET_COMMANDS);

    topology.addGlobalStore(
        AccountStores.symbolsBuilder(),
        "from-symbols",
        new StringDeserializer(),
        Topics.SYMBOLS.valueSerde().deserializer(),
        names.of(Topics.SYMBOLS),
        "symbols-updater",
        SymbolsUpdater::new);
    return topology;
  }

  private static String source(Topology topology, TopicNames names, Topic<?> topic) {
    String name = "from-" + topic.name().replace('.', '-');
    topology.addSource(name, new StringDeserializer(), topic.valueSerde().deserializer(), names.of(topic));
    return name;
  }

  private static void sink(Topology topology, TopicNames names, String name, Topic<?> topic) {
    topology.addSink(name, names.of(topic), new StringSerializer(), topic.valueSerde().serializer(), PROCESSOR);
  }

  /** Keeps the global symbols store equal to the compacted symbols topic. */
  private static final class SymbolsUpdater implements Processor<String, SymbolConfig, Void, Void> {
    private KeyValueStore<String, SymbolConfig> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(AccountStores.SYMBOLS);
    }

    @Override
    public void process(Record<String, SymbolConfig> record) {
      if (record.value() == null) {
        store.delete(record.key());
      } else {
        store.put(record.key(), record.value());
      }
    }
  }
}
