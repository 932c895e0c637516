package castle.gateway.admin.wallet;

import castle.money.Decimals;
import castle.schema.wallet.WalletOutcome;

/** A wallet command's outcome as the admin API shows it, with the amount as a decimal string. */
public record WalletOutcomeView(
    long commandId,
    long accountId,
    String email,
    boolean accepted,
    String reason,
    String kind,
    String referenceId,
    String asset,
    String amount,
    long time) {

  /** The view of an outcome for the user with {@code email}. */
  public static WalletOutcomeView of(WalletOutcome outcome, String email) {
    return new WalletOutcomeView(
        outcome.getCommandId(), outcome.getAccountId(), email, outcome.getAccepted(), outcome.getReason(),
        outcome.getKind(), outcome.getReferenceId(), outcome.getAsset(),
        Decimals.format(outcome.getAmount(), outcome.getScale(), outcome.getScale()), outcome.getTime());
  }
}
