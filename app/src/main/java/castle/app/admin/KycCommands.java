package castle.app.admin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code castle admin kyc ...}: submit on a user's behalf, approve, reject. */
@Command(name = "kyc", mixinStandardHelpOptions = true, description = "Submit KYC details for a user, approve or reject them.",
    subcommands = {KycCommands.Submit.class, KycCommands.Approve.class, KycCommands.Reject.class})
final class KycCommands extends CommandGroup {

  @Command(name = "submit", mixinStandardHelpOptions = true, description = "Submit KYC details on a user's behalf (NONE or REJECTED to PENDING).")
  static final class Submit extends AdminAction {
    @Option(names = "--email", required = true, description = "The user's email.") String email;
    @Option(names = "--full-name", required = true, description = "Full legal name.") String fullName;
    @Option(names = "--country", required = true, description = "ISO 3166-1 alpha-2 code (ZZ for unknown).") String country;
    @Option(names = "--date-of-birth", required = true, description = "YYYY-MM-DD.") String dateOfBirth;
    @Option(names = "--document", required = true, description = "Where the identity document is kept.") String document;

    @Override
    Call request() {
      return new Call("POST", "/v1/admin/users/" + segment(email) + "/kyc", body(
          "fullName", fullName, "country", country, "dateOfBirth", dateOfBirth, "documentReference", document));
    }
  }

  @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a pending submission with a tier (PENDING to VERIFIED).")
  static final class Approve extends AdminAction {
    @Option(names = "--email", required = true, description = "The user's email.") String email;
    @Option(names = "--tier", defaultValue = "1", description = "KYC tier, 1-9; it sets trading and withdrawal limits. Default: ${DEFAULT-VALUE}.") int tier;

    @Override
    Call request() {
      return new Call("POST", "/v1/admin/users/" + segment(email) + "/kyc/decision", body("approved", true, "tier", tier));
    }
  }

  @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a pending submission (PENDING to REJECTED); the user may submit again.")
  static final class Reject extends AdminAction {
    @Option(names = "--email", required = true, description = "The user's email.") String email;
    @Option(names = "--reason", required = true, description = "Why, as the user will see it.") String reason;

    @Override
    Call request() {
      return new Call("POST", "/v1/admin/users/" + segment(email) + "/kyc/decision", body("approved", false, "reason", reason));
    }
  }
}
