package castle.accounts;

import castle.accounts.config.AccountsConfig;
import castle.accounts.support.AccountsDriver;
import castle.accounts.support.AccountsDriver.Step;
import castle.accounts.support.Invariants;
import castle.accounts.support.Market;
import castle.accounts.support.MatchingReports;
import castle.accounts.support.MatchingReports.Working;
import castle.schema.orders.AcceptedCommand;
import castle.schema.orders.PlaceOrder;
import castle.schema.reference.SymbolStatus;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of accounts' TopologyTestDriver scenarios: BTCUSDT and ETHBTC trading, two traders, and after
 * every scenario the invariants (conservation, no negative balance, locked = reserved, the ledger
 * replays to the balances) over everything that happened in it.
 */
abstract class AccountsScenario {

  static final long ALICE = 1_000_000_001L;
  static final long BOB = 1_000_000_002L;

  AccountsDriver accounts;
  MatchingReports matching;

  @BeforeEach
  void startAccounts() {
    accounts = new AccountsDriver(config());
    accounts.symbol(Market.btcUsdt(SymbolStatus.TRADING));
    accounts.symbol(Market.ethBtc());
    matching = new MatchingReports(Market.btcUsdt(SymbolStatus.TRADING));
  }

  @AfterEach
  void invariantsHold() {
    try {
      Invariants invariants = new Invariants(accounts.driver()::getKeyValueStore);
      invariants.checkBalances(Invariants.netInflow(accounts.journal().outcomes()));
      invariants.checkLedgerReplays(accounts.journal().ledger());
    } finally {
      accounts.close();
    }
  }

  /** The configuration under test; scenarios about limits override it. */
  AccountsConfig config() {
    return AccountsConfig.defaults();
  }

  /** The defaults with some keys overridden, as "key=value" pairs. */
  static AccountsConfig configWith(String... settings) {
    Properties properties = new Properties();
    for (String setting : settings) {
      String[] kv = setting.split("=", 2);
      properties.setProperty(kv[0], kv[1]);
    }
    return AccountsConfig.load(properties);
  }

  /** Places an order that accounts must accept, and returns it as matching would hold it. */
  Working accepted(long accountId, PlaceOrder order) {
    Step step = accounts.place(accountId, order);
    AcceptedCommand command = step.onlyAccepted();
    return new Working(command);
  }
}
