package castle.accounts.support;

import castle.accounts.AccountsTopology;
import castle.accounts.FeeAccount;
import castle.accounts.config.AccountsConfig;
import castle.accounts.query.AccountQueries;
import castle.orders.RejectReason;
import castle.schema.accounts.Balance;
import castle.schema.orders.AcceptedCommand;
import castle.schema.orders.CancelAllOrders;
import castle.schema.orders.CancelOrder;
import castle.schema.orders.Execution;
import castle.schema.orders.OrderCommand;
import castle.schema.orders.PlaceOrder;
import castle.schema.reference.SymbolConfig;
import castle.schema.users.KycStatus;
import castle.schema.users.Role;
import castle.schema.users.UserEvent;
import castle.schema.users.UserEventType;
import castle.schema.wallet.Deposit;
import castle.schema.wallet.LedgerEntry;
import castle.schema.wallet.WalletCommand;
import castle.schema.wallet.WalletOutcome;
import castle.topics.Keys;
import castle.topics.Topic;
import castle.topics.Topics;
import castle.topology.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The accounts topology in a TopologyTestDriver, with one method per input and a {@link Step} that
 * says what each input produced. Every output is also kept in order, so invariants can be checked
 * over the whole run ({@link Invariants}).
 */
public final class AccountsDriver implements AutoCloseable {

  /** The driver's clock starts here: 2023-11-14T22:13:20Z. */
  public static final long START = 1_700_000_000_000L;

  private final Path stateDir = DriverState.create();
  private final TopologyTestDriver driver;
  private final AccountQueries queries;
  private final TestInputTopic<String, OrderCommand> commands;
  private final TestInputTopic<String, Execution> executions;
  private final TestInputTopic<String, WalletCommand> wallet;
  private final TestInputTopic<String, UserEvent> users;
  private final TestInputTopic<String, SymbolConfig> symbols;
  private final TestOutputTopic<String, AcceptedCommand> acceptedOut;
  private final TestOutputTopic<String, Execution> executionsOut;
  private final TestOutputTopic<String, LedgerEntry> ledgerOut;
  private final TestOutputTopic<String, WalletOutcome> outcomesOut;
  private final TestOutputTopic<String, WalletCommand> walletOut;
  private final Journal journal = new Journal();
  private long now = START;
  private long commandIds = 1;

  /** Accounts with the default configuration. */
  public AccountsDriver() {
    this(AccountsConfig.defaults());
  }

  /** Accounts with this configuration. */
  public AccountsDriver(AccountsConfig config) {
    driver = DriverState.start(AccountsTopology.build(config, TopicNames.standard()), "accounts-test", stateDir);
    queries = new AccountQueries(driver::getKeyValueStore);
    commands = input(Topics.ORDER_COMMANDS);
    executions = input(Topics.ORDER_EXECUTIONS);
    wallet = input(Topics.WALLET_COMMANDS);
    users = input(Topics.USER_EVENTS);
    symbols = input(Topics.SYMBOLS);
    acceptedOut = output(Topics.ORDERS_ACCEPTED);
    executionsOut = output(Topics.ORDER_EXECUTIONS);
    ledgerOut = output(Topics.WALLET_LEDGER);
    outcomesOut = output(Topics.WALLET_OUTCOMES);
    walletOut = output(Topics.WALLET_COMMANDS);
  }

  /** Reads of the driver's stores, as the gateway would make them. */
  public AccountQueries queries() {
    return queries;
  }

  /** Everything accounts published so far, and what it was fed. */
  public Journal journal() {
    return journal;
  }

  /** The driver's current time, epoch ms. */
  public long now() {
    return now;
  }

  /** Moves the clock on. */
  public void advance(Duration duration) {
    now += duration.toMillis();
  }

  /** Publishes a symbol configuration. */
  public void symbol(SymbolConfig config) {
    symbols.pipeInput(config.getSymbol(), config, now);
  }

  /** A registered user whose KYC is verified at {@code kycTier}, in fee tier {@code feeTier}. */
  public Step verifiedUser(long accountId, int kycTier, int feeTier) {
    user(accountId, UserEventType.REGISTERED, KycStatus.NONE, 0, feeTier);
    return user(accountId, UserEventType.KYC_APPROVED, KycStatus.VERIFIED, kycTier, feeTier);
  }

  /** A verified tier-1 user in fee tier 0. */
  public Step verifiedUser(long accountId) {
    return verifiedUser(accountId, 1, 0);
  }

  /** Publishes a user event with this profile. */
  public Step user(long accountId, UserEventType type, KycStatus kyc, int kycTier, int feeTier) {
    UserEvent event = UserEvent.newBuilder()
        .setUserId(accountId).setEmail(accountId + "@castle.test").setCommandId(commandIds++).setType(type)
        .setRole(Role.USER).setKycStatus(kyc).setKycTier(kycTier).setFeeTier(feeTier).setTime(now)
        .build();
    return run(() -> users.pipeInput(Keys.account(accountId), event, now));
  }

  /** Deposits {@code amount} (decimal) of {@code asset}, with a fresh deposit id. */
  public Step deposit(long accountId, String asset, String amount) {
    return deposit(accountId, "d" + commandIds, asset, amount);
  }

  /** Deposits under a given deposit id. */
  public Step deposit(long accountId, String depositId, String asset, String amount) {
    return wallet(accountId, new Deposit(depositId, asset, Market.units(amount), Market.SCALE, null));
  }

  /** Publishes a wallet command keyed by its account. */
  public Step wallet(long accountId, Object action) {
    WalletCommand command = new WalletCommand(commandIds++, accountId, action);
    return run(() -> wallet.pipeInput(Keys.account(accountId), command, now));
  }

  /** Places an order on BTCUSDT. */
  public Step place(long accountId, PlaceOrder order) {
    return place(accountId, Market.BTCUSDT, order);
  }

  /** Places an order. */
  public Step place(long accountId, String symbol, PlaceOrder order) {
    return command(new OrderCommand(commandIds++, accountId, symbol, order));
  }

  /** Cancels an order by id. */
  public Step cancel(long accountId, String symbol, long orderId) {
    return command(new OrderCommand(commandIds++, accountId, symbol, new CancelOrder(orderId, null, "cancel" + commandIds)));
  }

  /** Cancels an order by its clientOrderId. */
  public Step cancelByClientId(long accountId, String symbol, String origClientOrderId) {
    return command(new OrderCommand(commandIds++, accountId, symbol,
        new CancelOrder(0L, origClientOrderId, "cancel" + commandIds)));
  }

  /** Cancels every order of the account on a symbol. */
  public Step cancelAll(long accountId, String symbol) {
    return command(new OrderCommand(commandIds++, accountId, symbol, new CancelAllOrders("cancelAll" + commandIds)));
  }

  /** Publishes an order command keyed by its account. */
  public Step command(OrderCommand command) {
    return run(() -> commands.pipeInput(Keys.account(command.getAccountId()), command, now));
  }

  /** Feeds executions as matching would publish them, keyed by account, stamped with the clock. */
  public Step executions(List<Execution> events) {
    return run(() -> events.forEach(e -> {
      e.setTransactTime(now);
      executions.pipeInput(Keys.account(e.getAccountId()), e, now);
    }));
  }

  /** Feeds executions exactly as matching published them: key, value and timestamp. */
  public Step fromMatching(List<TestRecord<String, Execution>> records) {
    return run(() -> records.forEach(r -> executions.pipeInput(r.key(), r.value(), r.timestamp())));
  }

  /** Feeds one execution. */
  public Step execution(Execution event) {
    return executions(List.of(event));
  }

  /** Feeds any input record of accounts (a symbol, user event, wallet or order command) at its time. */
  public Step input(String topic, String key, SpecificRecord value, long timestamp) {
    now = timestamp;
    if (value instanceof SymbolConfig config) {
      symbols.pipeInput(key, config, timestamp);
      return run(() -> { });
    }
    return run(() -> {
      if (value instanceof OrderCommand command) {
        commands.pipeInput(key, command, timestamp);
      } else if (value instanceof WalletCommand command) {
        wallet.pipeInput(key, command, timestamp);
      } else if (value instanceof UserEvent event) {
        users.pipeInput(key, event, timestamp);
      } else {
        throw new IllegalArgumentException("Not an accounts input on " + topic + ": " + value);
      }
    });
  }

  /** The balance of an asset; zero if the account never held it. */
  public Balance balance(long accountId, String asset) {
    return queries.balance(accountId, asset).orElse(new Balance(accountId, asset, Market.SCALE, 0L, 0L, 0L));
  }

  /** Free of an asset, as a decimal-scaled long. */
  public long free(long accountId, String asset) {
    return balance(accountId, asset).getFree();
  }

  /** Locked of an asset. */
  public long locked(long accountId, String asset) {
    return balance(accountId, asset).getLocked();
  }

  /** The fee account's free balance of an asset. */
  public long fees(String asset) {
    return free(FeeAccount.ID, asset);
  }

  /** The raw driver, for store access in invariant checks. */
  public TopologyTestDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    try {
      driver.close();
    } finally {
      DriverState.delete(stateDir);
    }
  }

  private Step run(Runnable input) {
    input.run();
    List<TestRecord<String, AcceptedCommand>> accepted = acceptedOut.readRecordsToList();
    Step step = new Step(accepted.stream().map(TestRecord::value).toList(), executionsOut.readValuesToList(),
        ledgerOut.readValuesToList(), outcomesOut.readValuesToList(), walletOut.readValuesToList(),
        accepted.stream().map(TestRecord::headers).toList());
    journal.record(step);
    return step;
  }

  private <V extends SpecificRecord> TestInputTopic<String, V> input(Topic<V> topic) {
    return driver.createInputTopic(topic.name(), new StringSerializer(), topic.valueSerde().serializer());
  }

  private <V extends SpecificRecord> TestOutputTopic<String, V> output(Topic<V> topic) {
    return driver.createOutputTopic(topic.name(), new StringDeserializer(), topic.valueSerde().deserializer());
  }

  /**
   * What one input produced.
   *
   * @param accepted commands forwarded to matching
   * @param rejections REJECTED executions accounts published
   * @param ledger ledger entries, in order
   * @param outcomes wallet outcomes
   * @param walletCommands fee credits sent to the fee account
   * @param acceptedHeaders the headers of each command forwarded to matching
   */
  public record Step(
      List<AcceptedCommand> accepted,
      List<Execution> rejections,
      List<LedgerEntry> ledger,
      List<WalletOutcome> outcomes,
      List<WalletCommand> walletCommands,
      List<Headers> acceptedHeaders) {

    /** The reason of the single rejection, if the step was a rejection. */
    public Optional<RejectReason> rejection() {
      if (rejections.isEmpty()) {
        return Optional.empty();
      }
      if (rejections.size() != 1) {
        throw new AssertionError("Expected at most one rejection, got " + rejections);
      }
      return RejectReason.ofMessage(rejections.get(0).getReason());
    }

    /** The single command forwarded to matching. */
    public AcceptedCommand onlyAccepted() {
      if (accepted.size() != 1) {
        throw new AssertionError("Expected one accepted command, got " + accepted + " and rejections " + rejections);
      }
      return accepted.get(0);
    }

    /** The single wallet outcome. */
    public WalletOutcome outcome() {
      if (outcomes.size() != 1) {
        throw new AssertionError("Expected one outcome, got " + outcomes);
      }
      return outcomes.get(0);
    }
  }

  /** Every input and output of the run, in order. */
  public static final class Journal {
    private final List<LedgerEntry> ledger = new ArrayList<>();
    private final List<WalletOutcome> outcomes = new ArrayList<>();

    void record(Step step) {
      ledger.addAll(step.ledger());
      outcomes.addAll(step.outcomes());
    }

    /** Every ledger entry so far. */
    public List<LedgerEntry> ledger() {
      return ledger;
    }

    /** Every wallet outcome so far. */
    public List<WalletOutcome> outcomes() {
      return outcomes;
    }
  }
}
