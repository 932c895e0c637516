package castle.gateway.admin.wallet;

import castle.gateway.admin.AdminErrors;
import castle.gateway.ids.IdGenerator;
import castle.gateway.kafka.CommandChannel;
import castle.schema.wallet.CancelWithdrawal;
import castle.schema.wallet.CompleteWithdrawal;
import castle.schema.wallet.Deposit;
import castle.schema.wallet.RequestWithdrawal;
import castle.schema.wallet.WalletCommand;
import castle.schema.wallet.WalletOutcome;
import castle.topics.Keys;

/**
 * Money in and out of an account, as an operator does it locally (in production custody would send
 * the same commands): deposits, withdrawal requests (free to locked), completions (locked leaves the
 * exchange) and cancellations (locked back to free). Each is a command on wallet.commands keyed by
 * account; the call returns accounts' single outcome for it, and a refusal becomes -7202.
 */
public final class WalletAdmin {

  /**
   * Who the money belongs to.
   *
   * @param accountId the user's id
   * @param email the user's email, echoed in the answer
   */
  public record Account(long accountId, String email) {}

  private final CommandChannel<WalletCommand, WalletOutcome> channel;
  private final IdGenerator ids;

  /** Commands to wallet.commands answered from wallet.outcomes through {@code channel}, with ids from {@code ids}. */
  public WalletAdmin(CommandChannel<WalletCommand, WalletOutcome> channel, IdGenerator ids) {
    this.channel = channel;
    this.ids = ids;
  }

  /** Credits {@code amount} units of {@code asset} at {@code scale}; a repeated deposit id credits once. */
  public WalletOutcomeView deposit(Account account, String asset, long amount, int scale, String depositId, String reference) {
    requirePositive(amount);
    String id = depositId != null ? depositId : "dep-" + ids.next();
    return send(account, new Deposit(id, asset, amount, scale, reference));
  }

  /** Reserves funds for a withdrawal to {@code address}. */
  public WalletOutcomeView requestWithdrawal(
      Account account, String asset, long amount, int scale, String address, String withdrawalId) {
    requirePositive(amount);
    String id = withdrawalId != null ? withdrawalId : "wd-" + ids.next();
    return send(account, new RequestWithdrawal(id, asset, amount, scale, address));
  }

  /** Marks a withdrawal as sent: its reserved funds leave the exchange. */
  public WalletOutcomeView completeWithdrawal(Account account, String withdrawalId, String reference) {
    return send(account, new CompleteWithdrawal(withdrawalId, reference));
  }

  /** Cancels a withdrawal: its reserved funds return to free. */
  public WalletOutcomeView cancelWithdrawal(Account account, String withdrawalId, String reason) {
    return send(account, new CancelWithdrawal(withdrawalId, reason == null ? "" : reason));
  }

  private WalletOutcomeView send(Account account, Object action) {
    long commandId = ids.next();
    WalletOutcome outcome = channel.send(
        commandId, Keys.account(account.accountId()), new WalletCommand(commandId, account.accountId(), action));
    if (!outcome.getAccepted()) {
      throw AdminErrors.walletRejected(outcome.getReason());
    }
    return WalletOutcomeView.of(outcome, account.email());
  }

  private static void requirePositive(long amount) {
    if (amount <= 0) {
      throw AdminErrors.invalidAmount("amount");
    }
  }
}
