package castle.accounts;

import castle.schema.orders.AcceptedCommand;
import castle.schema.orders.Execution;
import castle.schema.wallet.LedgerEntry;
import castle.schema.wallet.WalletCommand;
import castle.schema.wallet.WalletOutcome;
import castle.topics.Keys;
import castle.topology.StageStamp;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Everything accounts writes, each to its own sink, stamped with the time of the input record being
 * processed: outputs carry the gateway's command time, never the wall clock, so a replay writes the
 * same records. The wall-clock {@code castle.t.accounts} stamp for latency breakdowns travels in a
 * header beside the earlier stages' stamps.
 */
public final class Outputs {

  /** Sink of {@code orders.accepted}, keyed by symbol. */
  public static final String ACCEPTED = "to-orders-accepted";

  /** Sink of {@code orders.executions} (accounts' own rejections), keyed by account. */
  public static final String EXECUTIONS = "to-orders-executions";

  /** Sink of {@code wallet.ledger}, keyed by account. */
  public static final String LEDGER = "to-wallet-ledger";

  /** Sink of {@code wallet.outcomes}, keyed by account. */
  public static final String OUTCOMES = "to-wallet-outcomes";

  /** Sink of {@code wallet.commands} (fee credits), keyed by the fee account. */
  public static final String WALLET_COMMANDS = "to-wallet-commands";

  private final ProcessorContext<String, SpecificRecord> context;
  private Record<String, ?> input;
  private Headers stamped;

  Outputs(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
  }

  /** Starts the outputs of one input record. */
  void begin(Record<String, ?> record) {
    this.input = record;
    this.stamped = null;
  }

  /** The time of the record being processed: the causing command's time, epoch ms. */
  public long time() {
    return input.timestamp();
  }

  /** Forwards a command to matching. */
  public void accepted(AcceptedCommand command) {
    forward(command.getSymbol(), command, ACCEPTED);
  }

  /** Publishes an execution (a rejection accounts made itself). */
  public void execution(Execution execution) {
    forward(Keys.account(execution.getAccountId()), execution, EXECUTIONS);
  }

  /** Publishes a ledger entry. */
  public void ledger(LedgerEntry entry) {
    forward(Keys.account(entry.getAccountId()), entry, LEDGER);
  }

  /** Publishes the outcome of a wallet command. */
  public void outcome(WalletOutcome outcome) {
    forward(Keys.account(outcome.getAccountId()), outcome, OUTCOMES);
  }

  /** Sends a wallet command to another account's partition (a fee credit). */
  public void walletCommand(WalletCommand command) {
    forward(Keys.account(command.getAccountId()), command, WALLET_COMMANDS);
  }

  private void forward(String key, SpecificRecord value, String sink) {
    if (stamped == null) {
      // One stamp per input: every record it causes left accounts at the same moment.
      stamped = StageStamp.stamp(input.headers(), StageStamp.ACCOUNTS);
    }
    context.forward(new Record<>(key, value, input.timestamp(), stamped), sink);
  }
}
