package castle.app.admin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code castle admin deposit} and {@code castle admin withdrawal ...}: money in and out. */
final class WalletCommands {

  private WalletCommands() {}

  @Command(name = "deposit", mixinStandardHelpOptions = true,
      description = "Credit a user's account and print accounts' outcome. The asset's scale comes from the symbols that trade it.")
  static final class Deposit extends AdminAction {
    @Option(names = "--email", required = true, description = "The user's email.") String email;
    @Option(names = "--asset", required = true, description = "Asset code, such as BTC.") String asset;
    @Option(names = "--amount", required = true, description = "Decimal amount, such as 1.5.") String amount;
    @Option(names = "--id", description = "Deposit id; repeating an id credits once (default: a new id).") String id;
    @Option(names = "--reference", description = "External reference, such as a transaction id.") String reference;

    @Override
    Call request() {
      return new Call("POST", "/v1/admin/deposits",
          body("email", email, "asset", asset, "amount", amount, "depositId", id, "reference", reference));
    }
  }

  @Command(name = "withdrawal", mixinStandardHelpOptions = true, description = "Request, complete or cancel a withdrawal.",
      subcommands = {Request.class, Complete.class, Cancel.class})
  static final class Withdrawal extends CommandGroup {}

  @Command(name = "request", mixinStandardHelpOptions = true, description = "Reserve funds for a withdrawal (free to locked).")
  static final class Request extends AdminAction {
    @Option(names = "--email", required = true, description = "The user's email.") String email;
    @Option(names = "--asset", required = true, description = "Asset code.") String asset;
    @Option(names = "--amount", required = true, description = "Decimal amount.") String amount;
    @Option(names = "--address", required = true, description = "Destination address.") String address;
    @Option(names = "--id", description = "Withdrawal id (default: a new id).") String id;

    @Override
    Call request() {
      return new Call("POST", "/v1/admin/withdrawals",
          body("email", email, "asset", asset, "amount", amount, "address", address, "withdrawalId", id));
    }
  }

  @Command(name = "complete", mixinStandardHelpOptions = true, description = "Mark a withdrawal sent: its reserved funds leave the exchange.")
  static final class Complete extends AdminAction {
    @Option(names = "--email", required = true, description = "The user's email.") String email;
    @Option(names = "--id", required = true, description = "Withdrawal id.") String id;
    @Option(names = "--reference", description = "External reference, such as a transaction id.") String reference;

    @Override
    Call request() {
      return new Call("POST", "/v1/admin/withdrawals/" + segment(id) + "/complete", body("email", email, "reference", reference));
    }
  }

  @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a withdrawal: its reserved funds return to free.")
  static final class Cancel extends AdminAction {
    @Option(names = "--email", required = true, description = "The user's email.") String email;
    @Option(names = "--id", required = true, description = "Withdrawal id.") String id;
    @Option(names = "--reason", description = "Why.") String reason;

    @Override
    Call request() {
      return new Call("POST", "/v1/admin/withdrawals/" + segment(id) + "/cancel", body("email", email, "reason", reason));
    }
  }
}
