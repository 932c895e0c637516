package castle.app.admin;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code castle admin}: the operator's command line, a client of a running Castle's {@code
 * /v1/admin} API. Every command prints JSON (the answer, or {@code {code, msg}} on failure), so
 * scripts can drive a fresh exchange with {@code jq}.
 */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = {
      "Operate a running Castle: users, KYC, fee tiers, API keys, deposits, withdrawals and symbols.",
      "Every command prints JSON. Credentials come from <data-dir>/admin.json, written by the local role,",
      "unless --admin-url, --admin-email/--admin-password or --admin-token say otherwise.",
      "Exit code: 0 done, 1 refused by Castle, 2 Castle unreachable or login failed."
    },
    subcommands = {
      UserCommands.class, KycCommands.class, ApiKeyCommands.class, WalletCommands.Deposit.class,
      WalletCommands.Withdrawal.class, SymbolCommands.class, TraderCommand.class
    })
public final class AdminCommand extends CommandGroup {

  /** Runs {@code castle admin} with the given arguments; for tests and embedding. */
  public static CommandLine commandLine() {
    return new CommandLine(new AdminCommand());
  }
}
