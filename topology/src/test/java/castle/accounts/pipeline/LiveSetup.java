package castle.accounts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castle.accounts.query.AccountQueries;
import castle.accounts.store.AccountStores;
import castle.accounts.support.RandomTraffic.Input;
import castle.matching.MatchingStores;
import castle.schema.accounts.AccountRecord;
import castle.schema.reference.SymbolConfig;
import castle.schema.users.KycStatus;
import castle.schema.users.UserEvent;
import castle.schema.wallet.WalletCommand;
import castle.schema.wallet.WalletOutcome;
import java.time.Duration;
import java.util.List;

/**
 * Brings a live pipeline to where traffic can start: symbols known to both stages, traders
 * registered and verified, initial deposits credited. Each kind of input is waited for before the
 * next, because the stages read them from different topics and a deposit must not overtake its
 * account's registration.
 */
public final class LiveSetup {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private LiveSetup() {}

  public static void preamble(LivePipeline live, List<Input> preamble, List<Long> traders, CommittedReader<WalletOutcome> outcomes) {
    List<Input> symbols = preamble.stream().filter(i -> i.value() instanceof SymbolConfig).toList();
    symbols.forEach(live::send);
    live.flush();
    await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
      for (Input symbol : symbols) {
        assertThat(live.accountsStore(AccountStores.SYMBOLS).get(symbol.key())).isNotNull();
        assertThat(live.matchingStore(MatchingStores.SYMBOLS).get(symbol.key())).isNotNull();
      }
    });

    preamble.stream().filter(i -> i.value() instanceof UserEvent).forEach(live::send);
    live.flush();
    AccountQueries queries = new AccountQueries(live::accountsStore);
    await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
      for (long trader : traders) {
        assertThat(queries.account(trader)).get().extracting(AccountRecord::getKycStatus).isEqualTo(KycStatus.VERIFIED);
      }
    });

    List<Input> deposits = preamble.stream().filter(i -> i.value() instanceof WalletCommand).toList();
    deposits.forEach(live::send);
    live.flush();
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(outcomes.poll()).hasSize(deposits.size()));
    assertThat(outcomes.values()).allMatch(WalletOutcome::getAccepted);
  }
}
