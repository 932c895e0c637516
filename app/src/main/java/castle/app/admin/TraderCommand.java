package castle.app.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code castle admin trader}: a verified, funded user with an API key, in one command. */
@Command(name = "trader", mixinStandardHelpOptions = true,
    description = {
      "Create a KYC-verified user, credit deposits and create an API key, in one step.",
      "Example: castle admin trader --email a@b.c --deposit BTC=1 --deposit USDT=100000 --api-key TRADE"
    })
final class TraderCommand extends AdminAction {

  @Option(names = "--email", required = true, description = "The new user's email.")
  String email;

  @Option(names = "--password", description = "A password for logging in (default: none, API keys only).")
  String password;

  @Option(names = "--deposit", description = "ASSET=AMOUNT to credit; repeat for several assets.")
  Map<String, String> deposits = new LinkedHashMap<>();

  @Option(names = "--api-key", description = "Create an API key with this permission: READ or TRADE.")
  String apiKey;

  @Option(names = "--kyc-tier", defaultValue = "1", description = "KYC tier granted. Default: ${DEFAULT-VALUE}.")
  int kycTier;

  @Option(names = "--full-name", description = "Name recorded with the KYC approval (default: Castle Trader).")
  String fullName;

  @Override
  Call request() {
    return new Call("POST", "/v1/admin/traders", body(
        "email", email, "password", password, "deposits", deposits, "apiKey", apiKey, "kycTier", kycTier, "fullName", fullName));
  }
}
