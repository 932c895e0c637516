package castle.accounts.wallet;

/** Why a wallet command was refused, as its {@code WalletOutcome.reason} says. */
public enum WalletRejection {
  UNKNOWN_ACCOUNT("Unknown account."),
  INVALID_ID("Deposit and withdrawal ids must be 1 to 64 characters."),
  INVALID_ASSET("Invalid asset."),
  INVALID_AMOUNT("Amount must be positive."),
  SCALE_MISMATCH("Scale does not match the asset's scale."),
  DUPLICATE_DEPOSIT("Duplicate deposit."),
  DUPLICATE_WITHDRAWAL("Duplicate withdrawal."),
  WITHDRAWALS_DISABLED("Withdrawals are disabled on this account."),
  DAILY_LIMIT("Daily withdrawal limit exceeded."),
  INSUFFICIENT_BALANCE("Account has insufficient balance for requested action."),
  UNKNOWN_WITHDRAWAL("Unknown withdrawal."),
  WITHDRAWAL_NOT_PENDING("Withdrawal is not pending."),
  NOT_FEE_ACCOUNT("Fee credits go to the fee account only.");

  private final String message;

  WalletRejection(String message) {
    this.message = message;
  }

  /** The text clients and operators see. */
  public String message() {
    return message;
  }
}
