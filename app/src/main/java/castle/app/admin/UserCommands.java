package castle.app.admin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code castle admin user ...}: create and show users, set fee tiers. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Create and show users; set their fee tier.",
    subcommands = {UserCommands.Create.class, UserCommands.Show.class, UserCommands.FeeTier.class})
final class UserCommands extends CommandGroup {

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a user. Without --password the user can only use API keys.")
  static final class Create extends AdminAction {
    @Option(names = "--email", required = true, description = "The user's email.") String email;
    @Option(names = "--password", description = "A password (10-128 characters); CASTLE_PASSWORD keeps it off the command line.") String password;
    @Option(names = "--role", defaultValue = "USER", description = "USER or ADMIN. Default: ${DEFAULT-VALUE}.") String role;

    @Override
    Call request() {
      return new Call("POST", "/v1/admin/users", body("email", email, "password", password, "role", role));
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a user: role, KYC, fee tier, MFA and API keys.")
  static final class Show extends AdminAction {
    @Option(names = "--email", required = true, description = "The user's email.") String email;

    @Override
    Call request() {
      return new Call("GET", "/v1/admin/users/" + segment(email), null);
    }
  }

  @Command(name = "fee-tier", mixinStandardHelpOptions = true, description = "Move a user to a fee tier (0-99).")
  static final class FeeTier extends AdminAction {
    @Option(names = "--email", required = true, description = "The user's email.") String email;
    @Option(names = "--tier", required = true, description = "The fee tier.") int tier;

    @Override
    Call request() {
      return new Call("POST", "/v1/admin/users/" + segment(email) + "/fee-tier", body("feeTier", tier));
    }
  }
}
