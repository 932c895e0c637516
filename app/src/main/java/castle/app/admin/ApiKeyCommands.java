package castle.app.admin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code castle admin api-key ...}: a user's API keys. */
@Command(name = "api-key", mixinStandardHelpOptions = true, description = "Create, list and revoke a user's API keys.",
    subcommands = {ApiKeyCommands.Create.class, ApiKeyCommands.List.class, ApiKeyCommands.Revoke.class})
final class ApiKeyCommands extends CommandGroup {

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create an API key; its secret is printed this once and cannot be shown again.")
  static final class Create extends AdminAction {
    @Option(names = "--email", required = true, description = "The user's email.") String email;
    @Option(names = "--permission", defaultValue = "TRADE", description = "READ or TRADE. Default: ${DEFAULT-VALUE}.") String permission;
    @Option(names = "--label", description = "A name for the key.") String label;

    @Override
    Call request() {
      return new Call("POST", "/v1/admin/users/" + segment(email) + "/api-keys", body("permission", permission, "label", label));
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List a user's API keys (never their secrets).")
  static final class List extends AdminAction {
    @Option(names = "--email", required = true, description = "The user's email.") String email;

    @Override
    Call request() {
      return new Call("GET", "/v1/admin/users/" + segment(email) + "/api-keys", null);
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an API key for good; it is refused once this returns.")
  static final class Revoke extends AdminAction {
    @Option(names = "--email", required = true, description = "The user's email.") String email;
    @Option(names = "--api-key", required = true, description = "The key.") String apiKey;

    @Override
    Call request() {
      return new Call("DELETE", "/v1/admin/users/" + segment(email) + "/api-keys/" + segment(apiKey), null);
    }
  }
}
