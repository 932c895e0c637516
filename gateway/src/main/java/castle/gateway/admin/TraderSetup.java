package castle.gateway.admin;

import castle.gateway.admin.wallet.WalletAdmin;
import castle.gateway.admin.wallet.WalletOutcomeView;
import castle.gateway.identity.UserSummary;
import castle.gateway.identity.apikeys.ApiKeys;
import castle.gateway.identity.apikeys.ApiKeys.CreatedApiKey;
import castle.gateway.identity.kyc.Kyc;
import castle.gateway.identity.users.Registration;
import castle.schema.users.ApiPermission;
import castle.schema.users.Role;
import castle.schema.users.SubmitKyc;
import castle.schema.users.UserEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A ready-to-trade user in one step, for scripts that drive a fresh exchange: register, submit and
 * approve KYC, credit deposits, create an API key. The request is fully checked (assets, amounts)
 * before the first command is sent, so a bad request changes nothing.
 */
public final class TraderSetup {

  /**
   * One deposit, already converted to fixed-point units.
   *
   * @param asset the asset
   * @param amount units x 10^scale, positive
   * @param scale the asset's scale
   */
  public record Funding(String asset, long amount, int scale) {}

  /**
   * What to create.
   *
   * @param email the new user's email
   * @param password a password for logging in, or null for an API-key-only user
   * @param kyc the KYC details recorded for the user
   * @param kycTier the tier granted
   * @param deposits what to credit
   * @param apiKey the permission of the API key to create, or null for none
   */
  public record Request(
      String email, String password, SubmitKyc kyc, int kycTier, List<Funding> deposits, ApiPermission apiKey) {}

  /**
   * What was created.
   *
   * @param user the verified user
   * @param deposits each deposit's outcome
   * @param apiKey the new key with its secret (shown this once), or null
   */
  public record Trader(UserSummary user, List<WalletOutcomeView> deposits, CreatedApiKey apiKey) {}

  private final Registration registration;
  private final Kyc kyc;
  private final WalletAdmin wallet;
  private final ApiKeys apiKeys;

  /** Setup through the identity and wallet services. */
  public TraderSetup(Registration registration, Kyc kyc, WalletAdmin wallet, ApiKeys apiKeys) {
    this.registration = registration;
    this.kyc = kyc;
    this.wallet = wallet;
    this.apiKeys = apiKeys;
  }

  /** Creates the trader on behalf of {@code admin}. */
  public Trader create(String admin, Request request) {
    UserEvent registered = registration.register(request.email(), request.password(), Role.USER);
    String email = registered.getEmail();
    kyc.submit(email, request.kyc());
    UserEvent verified = kyc.approve(admin, email, request.kycTier());
    WalletAdmin.Account account = new WalletAdmin.Account(registered.getUserId(), email);
    List<WalletOutcomeView> deposits = new ArrayList<>();
    for (Funding funding : request.deposits()) {
      deposits.add(wallet.deposit(account, funding.asset(), funding.amount(), funding.scale(), null, "trader setup"));
    }
    CreatedApiKey key = request.apiKey() == null ? null : apiKeys.create(email, request.apiKey(), "trader setup");
    return new Trader(UserSummary.of(verified), deposits, key);
  }
}
