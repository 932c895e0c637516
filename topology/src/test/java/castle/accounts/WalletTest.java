package castle.accounts;

import static castle.accounts.support.Market.BTC;
import static castle.accounts.support.Market.SCALE;
import static castle.accounts.support.Market.USDT;
import static castle.accounts.support.Market.units;
import static org.assertj.core.api.Assertions.assertThat;

import castle.accounts.support.AccountsDriver.Step;
import castle.accounts.wallet.WalletRejection;
import castle.schema.accounts.Withdrawal;
import castle.schema.accounts.WithdrawalStatus;
import castle.schema.users.KycStatus;
import castle.schema.users.UserEventType;
import castle.schema.wallet.CancelWithdrawal;
import castle.schema.wallet.CompleteWithdrawal;
import castle.schema.wallet.Deposit;
import castle.schema.wallet.FeeCredit;
import castle.schema.wallet.LedgerCause;
import castle.schema.wallet.RequestWithdrawal;
import castle.schema.wallet.WalletOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Deposits, withdrawals and fee credits: one outcome each, one ledger entry per balance change. */
class WalletTest extends AccountsScenario {

  @Test
  void aDepositCreditsFreeOnceEvenWhenRepeated() {
    // Given a registered account
    accounts.verifiedUser(ALICE);

    // When the same deposit arrives twice
    Step first = accounts.deposit(ALICE, "tx-1", BTC, "0.5");
    Step retry = accounts.deposit(ALICE, "tx-1", BTC, "0.5");

    // Then it is credited once, with one DEPOSIT entry, and the retry is refused
    assertThat(first.outcome().getAccepted()).isTrue();
    assertThat(first.outcome().getKind()).isEqualTo("DEPOSIT");
    assertThat(first.outcome().getReferenceId()).isEqualTo("tx-1");
    assertThat(first.ledger()).singleElement().satisfies(e -> {
      assertThat(e.getCause()).isEqualTo(LedgerCause.DEPOSIT);
      assertThat(e.getCauseId()).isEqualTo("tx-1");
      assertThat(e.getDeltaFree()).isEqualTo(units("0.5"));
      assertThat(e.getEntryId()).isEqualTo(1);
    });
    assertThat(retry.outcome().getAccepted()).isFalse();
    assertThat(retry.outcome().getReason()).isEqualTo(WalletRejection.DUPLICATE_DEPOSIT.message());
    assertThat(retry.ledger()).isEmpty();
    assertThat(accounts.free(ALICE, BTC)).isEqualTo(units("0.5"));
    assertThat(accounts.queries().deposits(ALICE)).hasSize(1);
  }

  @Test
  void aDepositNeedsAKnownAccountAPositiveAmountAndTheAssetsScale() {
    accounts.verifiedUser(ALICE);

    assertThat(accounts.deposit(BOB, BTC, "1").outcome().getReason()).isEqualTo(WalletRejection.UNKNOWN_ACCOUNT.message());
    assertThat(accounts.wallet(ALICE, new Deposit("d0", BTC, 0L, SCALE, null)).outcome().getReason())
        .isEqualTo(WalletRejection.INVALID_AMOUNT.message());
    assertThat(accounts.wallet(ALICE, new Deposit("d1", BTC, 100L, 2, null)).outcome().getReason())
        .as("BTCUSDT trades BTC at scale 8").isEqualTo(WalletRejection.SCALE_MISMATCH.message());
    assertThat(accounts.wallet(ALICE, new Deposit("", BTC, 100L, SCALE, null)).outcome().getReason())
        .isEqualTo(WalletRejection.INVALID_ID.message());
    assertThat(accounts.wallet(ALICE, new Deposit("d2", "btc", 100L, SCALE, null)).outcome().getReason())
        .isEqualTo(WalletRejection.INVALID_ASSET.message());
    assertThat(accounts.balance(ALICE, BTC).getFree()).isZero();
  }

  @Test
  void aWithdrawalReservesThenCompletes() {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, BTC, "1.5");

    Step requested = accounts.wallet(ALICE, new RequestWithdrawal("w1", BTC, units("1"), SCALE, "bc1qaddress"));
    assertThat(requested.outcome().getAccepted()).isTrue();
    assertThat(accounts.free(ALICE, BTC)).isEqualTo(units("0.5"));
    assertThat(accounts.locked(ALICE, BTC)).isEqualTo(units("1"));

    Step completed = accounts.wallet(ALICE, new CompleteWithdrawal("w1", "chain-tx"));
    assertThat(completed.outcome().getAccepted()).isTrue();
    assertThat(completed.outcome().getAmount()).isEqualTo(units("1"));
    assertThat(completed.ledger()).singleElement().satisfies(e -> {
      assertThat(e.getCause()).isEqualTo(LedgerCause.WITHDRAWAL_COMPLETE);
      assertThat(e.getDeltaLocked()).isEqualTo(-units("1"));
    });
    assertThat(accounts.locked(ALICE, BTC)).isZero();
    Withdrawal stored = accounts.queries().withdrawal(ALICE, "w1").orElseThrow();
    assertThat(stored.getStatus()).isEqualTo(WithdrawalStatus.COMPLETED);
    assertThat(stored.getReference()).isEqualTo("chain-tx");

    assertThat(accounts.wallet(ALICE, new CompleteWithdrawal("w1", null)).outcome().getReason())
        .isEqualTo(WalletRejection.WITHDRAWAL_NOT_PENDING.message());
    assertThat(accounts.wallet(ALICE, new CancelWithdrawal("w1", "")).outcome().getReason())
        .isEqualTo(WalletRejection.WITHDRAWAL_NOT_PENDING.message());
    assertThat(accounts.wallet(ALICE, new CompleteWithdrawal("w9", null)).outcome().getReason())
        .isEqualTo(WalletRejection.UNKNOWN_WITHDRAWAL.message());
  }

  @Test
  void aCancelledWithdrawalReturnsToFree() {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, USDT, "500");
    accounts.wallet(ALICE, new RequestWithdrawal("w1", USDT, units("200"), SCALE, "addr"));

    Step cancelled = accounts.wallet(ALICE, new CancelWithdrawal("w1", "address flagged"));

    assertThat(cancelled.outcome().getKind()).isEqualTo("WITHDRAWAL_CANCEL");
    assertThat(accounts.free(ALICE, USDT)).isEqualTo(units("500"));
    assertThat(accounts.locked(ALICE, USDT)).isZero();
    assertThat(accounts.queries().withdrawal(ALICE, "w1").orElseThrow().getReason()).isEqualTo("address flagged");
  }

  @Test
  void aWithdrawalBeyondTheFreeBalanceIsRefused() {
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, BTC, "0.5");

    Step step = accounts.wallet(ALICE, new RequestWithdrawal("w1", BTC, units("0.50000001"), SCALE, "addr"));

    assertThat(step.outcome().getAccepted()).isFalse();
    assertThat(step.outcome().getReason()).isEqualTo(WalletRejection.INSUFFICIENT_BALANCE.message());
    assertThat(step.ledger()).isEmpty();
    assertThat(accounts.free(ALICE, BTC)).isEqualTo(units("0.5"));
  }

  @Test
  void withdrawalsRespectTheTiersDailyLimit() {
    // Given a tier-1 account (2 BTC a day) with 10 BTC
    accounts.verifiedUser(ALICE);
    accounts.deposit(ALICE, BTC, "10");

    // When it withdraws 1.5 then 0.6 BTC on the same day, the second is refused
    assertThat(accounts.wallet(ALICE, new RequestWithdrawal("w1", BTC, units("1.5"), SCALE, "a")).outcome().getAccepted())
        .isTrue();
    assertThat(accounts.wallet(ALICE, new RequestWithdrawal("w2", BTC, units("0.6"), SCALE, "a")).outcome().getReason())
        .isEqualTo(WalletRejection.DAILY_LIMIT.message());
    // ...0.5 more fits exactly
    assertThat(accounts.wallet(ALICE, new RequestWithdrawal("w3", BTC, units("0.5"), SCALE, "a")).outcome().getAccepted())
        .isTrue();
    // ...a cancelled withdrawal gives its share of the day back
    accounts.wallet(ALICE, new CancelWithdrawal("w3", ""));
    assertThat(accounts.wallet(ALICE, new RequestWithdrawal("w4", BTC, units("0.5"), SCALE, "a")).outcome().getAccepted())
        .isTrue();

    // When the next UTC day starts, the limit is fresh
    accounts.advance(Duration.ofDays(1));
    assertThat(accounts.wallet(ALICE, new RequestWithdrawal("w5", BTC, units("2"), SCALE, "a")).outcome().getAccepted())
        .isTrue();
    assertThat(accounts.wallet(ALICE, new RequestWithdrawal("w1", BTC, units("0.1"), SCALE, "a")).outcome().getReason())
        .as("withdrawal ids are unique").isEqualTo(WalletRejection.DUPLICATE_WITHDRAWAL.message());
  }

  @Test
  void anUnverifiedAccountCanDepositButNotWithdraw() {
    accounts.user(ALICE, UserEventType.REGISTERED, KycStatus.NONE, 0, 0);

    assertThat(accounts.deposit(ALICE, BTC, "1").outcome().getAccepted()).isTrue();
    assertThat(accounts.wallet(ALICE, new RequestWithdrawal("w1", BTC, units("0.1"), SCALE, "a")).outcome().getReason())
        .isEqualTo(WalletRejection.WITHDRAWALS_DISABLED.message());
  }

  @Test
  void feeCreditsAreAcceptedOnlyForTheFeeAccount() {
    accounts.verifiedUser(ALICE);

    WalletOutcome misdirected =
        accounts.wallet(ALICE, new FeeCredit(BTC, 5L, SCALE, BOB, "BTCUSDT", 7L, 9L)).outcome();

    assertThat(misdirected.getAccepted()).isFalse();
    assertThat(misdirected.getReason()).isEqualTo(WalletRejection.NOT_FEE_ACCOUNT.message());
    assertThat(accounts.free(ALICE, BTC)).isZero();
  }
}
