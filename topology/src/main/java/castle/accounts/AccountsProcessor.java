package castle.accounts;

import castle.accounts.config.AccountsConfig;
import castle.accounts.ledger.Ledger;
import castle.accounts.orders.OrderCommandHandler;
import castle.accounts.settlement.ExecutionHandler;
import castle.accounts.store.AccountStores;
import castle.accounts.users.UserEventHandler;
import castle.accounts.wallet.WalletCommandHandler;
import castle.schema.orders.Execution;
import castle.schema.orders.OrderCommand;
import castle.schema.users.UserEvent;
import castle.schema.wallet.WalletCommand;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The one processor of accounts: every record of its four account-keyed inputs goes through it, in
 * the order the task picks them, so each account's state changes one record at a time. It only
 * dispatches; the rules live in the handlers.
 */
final class AccountsProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

  private final AccountsConfig config;
  private Outputs outputs;
  private OrderCommandHandler orders;
  private ExecutionHandler executions;
  private WalletCommandHandler wallet;
  private UserEventHandler users;

  AccountsProcessor(AccountsConfig config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    AccountStores stores = AccountStores.from(context);
    outputs = new Outputs(context);
    Ledger ledger = new Ledger(stores, outputs);
    orders = new OrderCommandHandler(stores, ledger, outputs, config);
    executions = new ExecutionHandler(stores, ledger, outputs);
    wallet = new WalletCommandHandler(stores, ledger, outputs, config);
    users = new UserEventHandler(stores, outputs);
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    outputs.begin(record);
    SpecificRecord value = record.value();
    if (value instanceof OrderCommand command) {
      orders.handle(record.key(), command);
    } else if (value instanceof Execution execution) {
      executions.handle(execution);
    } else if (value instanceof WalletCommand command) {
      wallet.handle(record.key(), command);
    } else if (value instanceof UserEvent event) {
      users.handle(record.key(), event);
    } else if (value != null) {
      throw new IllegalArgumentException("Accounts cannot handle " + value.getClass().getName());
    }
  }
}
