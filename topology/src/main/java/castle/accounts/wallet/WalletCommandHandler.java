package castle.accounts.wallet;

import castle.accounts.FeeAccount;
import castle.accounts.Outputs;
import castle.accounts.config.AccountsConfig;
import castle.accounts.config.TierLimits;
import castle.accounts.ledger.Ledger;
import castle.accounts.ledger.LedgerCauseRef;
import castle.accounts.store.AccountStores;
import castle.money.FixedPoint;
import castle.schema.accounts.AccountRecord;
import castle.schema.accounts.Balance;
import castle.schema.accounts.DepositRecord;
import castle.schema.accounts.Withdrawal;
import castle.schema.accounts.WithdrawalStatus;
import castle.schema.accounts.WithdrawalUsage;
import castle.schema.users.KycStatus;
import castle.schema.wallet.CancelWithdrawal;
import castle.schema.wallet.CompleteWithdrawal;
import castle.schema.wallet.Deposit;
import castle.schema.wallet.FeeCredit;
import castle.schema.wallet.LedgerCause;
import castle.schema.wallet.RequestWithdrawal;
import castle.schema.wallet.WalletCommand;
import castle.schema.wallet.WalletOutcome;
import castle.topics.Keys;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Money entering and leaving the exchange: deposits (credited once per depositId), withdrawals
 * (reserved, then completed or cancelled, within the KYC tier's daily limit and never beyond the
 * free balance) and the commissions credited to the fee account. Every command gets exactly one
 * {@link WalletOutcome}.
 */
public final class WalletCommandHandler {

  private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{2,12}");
  private static final int MAX_ID_LENGTH = 64;
  private static final long DAY_MS = 86_400_000L;

  private final AccountStores stores;
  private final Ledger ledger;
  private final Outputs outputs;
  private final AccountsConfig config;

  /** A handler over these stores and outputs. */
  public WalletCommandHandler(AccountStores stores, Ledger ledger, Outputs outputs, AccountsConfig config) {
    this.stores = stores;
    this.ledger = ledger;
    this.outputs = outputs;
    this.config = config;
  }

  /** Handles one command from {@code wallet.commands}. */
  public void handle(String key, WalletCommand command) {
    Object action = command.getAction();
    if (action instanceof Deposit deposit) {
      deposit(key, command, deposit);
    } else if (action instanceof RequestWithdrawal request) {
      request(key, command, request);
    } else if (action instanceof CompleteWithdrawal complete) {
      complete(command, complete);
    } else if (action instanceof CancelWithdrawal cancel) {
      cancel(command, cancel);
    } else {
      feeCredit(key, command, (FeeCredit) action);
    }
  }

  private void deposit(String key, WalletCommand command, Deposit deposit) {
    Outcome outcome = new Outcome(command, "DEPOSIT", deposit.getDepositId(), deposit.getAsset(), deposit.getAmount(),
        deposit.getScale());
    long accountId = command.getAccountId();
    WalletRejection refused = firstOf(
        () -> knownAccount(key, accountId),
        () -> validId(deposit.getDepositId()),
        () -> validAmount(accountId, deposit.getAsset(), deposit.getAmount(), deposit.getScale()),
        () -> stores.deposit(accountId, deposit.getDepositId()) != null ? WalletRejection.DUPLICATE_DEPOSIT : null);
    if (refused != null) {
      outcome.refuse(refused);
      return;
    }
    ledger.change(accountId, deposit.getAsset(), deposit.getScale(), deposit.getAmount(), 0,
        LedgerCauseRef.wallet(LedgerCause.DEPOSIT, deposit.getDepositId(), command.getCommandId()));
    stores.put(new DepositRecord(accountId, deposit.getDepositId(), deposit.getAsset(), deposit.getScale(),
        deposit.getAmount(), deposit.getReference(), command.getCommandId(), outputs.time()));
    outcome.accept();
  }

  private void request(String key, WalletCommand command, RequestWithdrawal request) {
    Outcome outcome = new Outcome(command, "WITHDRAWAL_REQUEST", request.getWithdrawalId(), request.getAsset(),
        request.getAmount(), request.getScale());
    long accountId = command.getAccountId();
    long time = outputs.time();
    WalletRejection refused = firstOf(
        () -> knownAccount(key, accountId),
        () -> validId(request.getWithdrawalId()),
        () -> validAmount(accountId, request.getAsset(), request.getAmount(), request.getScale()),
        () -> stores.withdrawal(accountId, request.getWithdrawalId()) != null ? WalletRejection.DUPLICATE_WITHDRAWAL : null);
    if (refused != null) {
      outcome.refuse(refused);
      return;
    }
    AccountRecord account = stores.account(accountId);
    TierLimits limits = account.getKycStatus() == KycStatus.VERIFIED ? config.limits(account.getKycTier()) : TierLimits.NOTHING;
    if (limits.isNothing()) {
      outcome.refuse(WalletRejection.WITHDRAWALS_DISABLED);
      return;
    }
    long day = Math.floorDiv(time, DAY_MS);
    WithdrawalUsage usage = stores.withdrawalUsage(accountId, request.getAsset());
    long usedToday = usage != null && usage.getEpochDay() == day ? usage.getUsed() : 0;
    OptionalLong limit = limits.dailyWithdrawal(request.getAsset(), request.getScale());
    if (limit.isPresent() && request.getAmount() > limit.getAsLong() - usedToday) {
      outcome.refuse(WalletRejection.DAILY_LIMIT);
      return;
    }
    if (ledger.free(accountId, request.getAsset()) < request.getAmount()) {
      outcome.refuse(WalletRejection.INSUFFICIENT_BALANCE);
      return;
    }
    ledger.change(accountId, request.getAsset(), request.getScale(), -request.getAmount(), request.getAmount(),
        LedgerCauseRef.wallet(LedgerCause.WITHDRAWAL_RESERVE, request.getWithdrawalId(), command.getCommandId()));
    stores.put(Withdrawal.newBuilder()
        .setAccountId(accountId)
        .setWithdrawalId(request.getWithdrawalId())
        .setAsset(request.getAsset())
        .setScale(request.getScale())
        .setAmount(request.getAmount())
        .setAddress(request.getAddress())
        .setStatus(WithdrawalStatus.PENDING)
        .setRequestedAt(time)
        .setUpdatedAt(time)
        .setRequestCommandId(command.getCommandId())
        .build());
    stores.putWithdrawalUsage(accountId, request.getAsset(),
        new WithdrawalUsage(day, Math.addExact(usedToday, request.getAmount())));
    outcome.accept();
  }

  private void complete(WalletCommand command, CompleteWithdrawal complete) {
    Withdrawal withdrawal = pending(command, complete.getWithdrawalId(), "WITHDRAWAL_COMPLETE");
    if (withdrawal == null) {
      return;
    }
    ledger.change(command.getAccountId(), withdrawal.getAsset(), withdrawal.getScale(), 0, -withdrawal.getAmount(),
        LedgerCauseRef.wallet(LedgerCause.WITHDRAWAL_COMPLETE, withdrawal.getWithdrawalId(), command.getCommandId()));
    withdrawal.setStatus(WithdrawalStatus.COMPLETED);
    withdrawal.setReference(complete.getReference());
    withdrawal.setUpdatedAt(outputs.time());
    stores.put(withdrawal);
    outcomeOf(command, "WITHDRAWAL_COMPLETE", withdrawal).accept();
  }

  private void cancel(WalletCommand command, CancelWithdrawal cancel) {
    Withdrawal withdrawal = pending(command, cancel.getWithdrawalId(), "WITHDRAWAL_CANCEL");
    if (withdrawal == null) {
      return;
    }
    long accountId = command.getAccountId();
    ledger.change(accountId, withdrawal.getAsset(), withdrawal.getScale(), withdrawal.getAmount(), -withdrawal.getAmount(),
        LedgerCauseRef.wallet(LedgerCause.WITHDRAWAL_CANCEL, withdrawal.getWithdrawalId(), command.getCommandId()));
    withdrawal.setStatus(WithdrawalStatus.CANCELED);
    withdrawal.setReason(cancel.getReason());
    withdrawal.setUpdatedAt(outputs.time());
    stores.put(withdrawal);
    WithdrawalUsage usage = stores.withdrawalUsage(accountId, withdrawal.getAsset());
    if (usage != null && usage.getEpochDay() == Math.floorDiv(withdrawal.getRequestedAt(), DAY_MS)) {
      // A cancelled withdrawal no longer counts against the day it was requested on.
      usage.setUsed(Math.max(0, usage.getUsed() - withdrawal.getAmount()));
      stores.putWithdrawalUsage(accountId, withdrawal.getAsset(), usage);
    }
    outcomeOf(command, "WITHDRAWAL_CANCEL", withdrawal).accept();
  }

  /** The pending withdrawal a complete or cancel names; null (with a refusal published) otherwise. */
  private Withdrawal pending(WalletCommand command, String withdrawalId, String kind) {
    Withdrawal withdrawal = stores.withdrawal(command.getAccountId(), withdrawalId);
    if (withdrawal == null) {
      new Outcome(command, kind, withdrawalId, "", 0, 0).refuse(WalletRejection.UNKNOWN_WITHDRAWAL);
      return null;
    }
    if (withdrawal.getStatus() != WithdrawalStatus.PENDING) {
      outcomeOf(command, kind, withdrawal).refuse(WalletRejection.WITHDRAWAL_NOT_PENDING);
      return null;
    }
    return withdrawal;
  }

  private void feeCredit(String key, WalletCommand command, FeeCredit credit) {
    Outcome outcome = new Outcome(command, "FEE_CREDIT", credit.getSymbol() + ":" + credit.getTradeId(),
        credit.getAsset(), credit.getAmount(), credit.getScale());
    if (command.getAccountId() != FeeAccount.ID || !Keys.account(FeeAccount.ID).equals(key)) {
      outcome.refuse(WalletRejection.NOT_FEE_ACCOUNT);
      return;
    }
    if (credit.getAmount() <= 0) {
      outcome.refuse(WalletRejection.INVALID_AMOUNT);
      return;
    }
    // Accounts debited the payer already: a credit that cannot be applied here stops the app
    // (Ledger refuses a scale mismatch) rather than let the commission vanish.
    ledger.change(FeeAccount.ID, credit.getAsset(), credit.getScale(), credit.getAmount(), 0,
        LedgerCauseRef.trade(LedgerCause.FEE, credit.getSymbol(), credit.getOrderId(), credit.getTradeId(),
            command.getCommandId()));
    outcome.accept();
  }

  private WalletRejection knownAccount(String key, long accountId) {
    AccountRecord account = stores.account(accountId);
    boolean known = account != null && account.getRegistered() && Keys.account(accountId).equals(key);
    return known ? null : WalletRejection.UNKNOWN_ACCOUNT;
  }

  private static WalletRejection validId(String id) {
    return id.isEmpty() || id.length() > MAX_ID_LENGTH ? WalletRejection.INVALID_ID : null;
  }

  private WalletRejection validAmount(long accountId, String asset, long amount, int scale) {
    if (!ASSET.matcher(asset).matches()) {
      return WalletRejection.INVALID_ASSET;
    }
    if (amount <= 0) {
      return WalletRejection.INVALID_AMOUNT;
    }
    Balance balance = stores.balance(accountId, asset);
    int expected = balance != null ? balance.getScale() : stores.symbolScaleOf(asset);
    boolean scaleOk = expected >= 0 ? scale == expected : scale >= 0 && scale <= FixedPoint.MAX_SCALE;
    return scaleOk ? null : WalletRejection.SCALE_MISMATCH;
  }

  /** The first refusal among checks run in order, or null when all pass. */
  @SafeVarargs
  private static WalletRejection firstOf(Supplier<WalletRejection>... checks) {
    for (Supplier<WalletRejection> check : checks) {
      WalletRejection refused = check.get();
      if (refused != null) {
        return refused;
      }
    }
    return null;
  }

  private Outcome outcomeOf(WalletCommand command, String kind, Withdrawal w) {
    return new Outcome(command, kind, w.getWithdrawalId(), w.getAsset(), w.getAmount(), w.getScale());
  }

  /** The single outcome of one wallet command, published by accept or refuse. */
  private final class Outcome {
    private final WalletOutcome.Builder builder;

    Outcome(WalletCommand command, String kind, String referenceId, String asset, long amount, int scale) {
      builder = WalletOutcome.newBuilder()
          .setCommandId(command.getCommandId())
          .setAccountId(command.getAccountId())
          .setKind(kind)
          .setReferenceId(referenceId)
          .setAsset(asset)
          .setAmount(amount)
          .setScale(scale)
          .setTime(outputs.time());
    }

    void accept() {
      outputs.outcome(builder.setAccepted(true).setReason("").build());
    }

    void refuse(WalletRejection reason) {
      outputs.outcome(builder.setAccepted(false).setReason(reason.message()).build());
    }
  }
}
