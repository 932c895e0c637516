package castle.gateway.admin;

import castle.gateway.admin.symbols.SymbolAdmin;
import castle.gateway.admin.symbols.SymbolForm;
import castle.gateway.admin.symbols.SymbolView;
import castle.gateway.admin.wallet.WalletAdmin;
import castle.gateway.api.ApiException;
import castle.gateway.identity.EmailAddress;
import castle.gateway.identity.IdentityRoutes;
import castle.gateway.identity.UserSummary;
import castle.gateway.identity.apikeys.ApiKeys;
import castle.gateway.identity.auth.Authenticator;
import castle.gateway.identity.auth.Principal;
import castle.gateway.identity.kyc.Kyc;
import castle.gateway.identity.kyc.KycForm;
import castle.gateway.identity.password.PasswordPolicy;
import castle.gateway.identity.users.Registration;
import castle.gateway.identity.users.UserCommands;
import castle.gateway.identity.users.UserDirectory;
import castle.gateway.v1.JsonBody;
import castle.iq.users.UserProfile;
import castle.schema.reference.SymbolStatus;
import castle.schema.users.ApiPermission;
import castle.schema.users.Role;
import castle.schema.users.SetFeeTier;
import castle.schema.users.SubmitKyc;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The operator's API under {@code /v1/admin}, for admins only (403 for anyone else): users, KYC
 * decisions, fee tiers and API keys on a user's behalf; deposits and withdrawals; symbols; and
 * {@code POST /v1/admin/traders}, a verified, funded user with an API key in one call. {@code castle
 * admin} is a command-line client of these routes.
 */
public final class AdminRoutes {

  /** The parts the routes use. */
  public record Services(
      Authenticator authenticator,
      Registration registration,
      UserCommands commands,
      UserDirectory users,
      Kyc kyc,
      ApiKeys apiKeys,
      WalletAdmin wallet,
      SymbolAdmin symbols,
      TraderSetup traders,
      Clock clock) {}

  /** Highest fee tier. */
  public static final int MAX_FEE_TIER = 99;

  private static final String ADMIN = AdminRoutes.class.getName() + ".admin";
  private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{2,12}");
  private static final Pattern REFERENCE = Pattern.compile("[\\x20-\\x7e]{1,128}");
  private static final int MAX_DEPOSITS = 20;

  private final Services s;

  /** Routes over these services. */
  public AdminRoutes(Services services) {
    this.s = services;
  }

  /** Adds the routes to a Javalin configuration. */
  public void register(JavalinConfig config) {
    config.routes.before("/v1/admin/*", ctx -> ctx.attribute(ADMIN, s.authenticator().admin(ctx)));

    config.routes.post("/v1/admin/users", this::createUser);
    config.routes.get("/v1/admin/users/{email}", ctx -> ctx.json(s.users().existing(email(ctx))));
    config.routes.post("/v1/admin/users/{email}/kyc", this::submitKyc);
    config.routes.post("/v1/admin/users/{email}/kyc/decision", this::decideKyc);
    config.routes.post("/v1/admin/users/{email}/fee-tier", this::setFeeTier);
    config.routes.get("/v1/admin/users/{email}/api-keys", ctx -> ctx.json(s.apiKeys().list(email(ctx))));
    config.routes.post("/v1/admin/users/{email}/api-keys", this::createApiKey);
    config.routes.delete("/v1/admin/users/{email}/api-keys/{apiKey}", this::revokeApiKey);

    config.routes.post("/v1/admin/deposits", this::deposit);
    config.routes.post("/v1/admin/withdrawals", this::requestWithdrawal);
    config.routes.post("/v1/admin/withdrawals/{withdrawalId}/complete", this::completeWithdrawal);
    config.routes.post("/v1/admin/withdrawals/{withdrawalId}/cancel", this::cancelWithdrawal);

    config.routes.get("/v1/admin/symbols", ctx -> ctx.json(s.symbols().all().stream().map(SymbolView::of).toList()));
    config.routes.get("/v1/admin/symbols/{symbol}", ctx -> ctx.json(SymbolView.of(s.symbols().get(symbol(ctx)))));
    config.routes.post("/v1/admin/symbols", this::createSymbol);
    config.routes.patch("/v1/admin/symbols/{symbol}", this::updateSymbol);
    config.routes.post("/v1/admin/symbols/{symbol}/halt", ctx -> setStatus(ctx, SymbolStatus.HALT));
    config.routes.post("/v1/admin/symbols/{symbol}/resume", ctx -> setStatus(ctx, SymbolStatus.TRADING));

    config.routes.post("/v1/admin/traders", this::createTrader);
  }

  private void createUser(Context ctx) {
    JsonBody body = JsonBody.of(ctx);
    String email = body.requiredString("email", EmailAddress.MAX_LENGTH);
    String password = body.optionalString("password", 2 * PasswordPolicy.MAX_LENGTH).orElse(null);
    Role role = body.optionalEnum("role", Role.class).orElse(Role.USER);
    if (role == Role.ADMIN && password == null) {
      throw ApiException.mandatoryMissing("password");
    }
    ctx.json(UserSummary.of(s.registration().register(email, password, role)));
  }

  private void submitKyc(Context ctx) {
    String email = email(ctx);
    SubmitKyc details = KycForm.read(JsonBody.of(ctx), true, s.clock());
    ctx.json(UserSummary.of(s.kyc().submit(email, details)));
  }

  private void decideKyc(Context ctx) {
    String email = email(ctx);
    JsonBody body = JsonBody.of(ctx);
    if (body.requiredBoolean("approved")) {
      int tier = body.requiredInt("tier", 1, Kyc.MAX_TIER);
      ctx.json(UserSummary.of(s.kyc().approve(admin(ctx).email(), email, tier)));
    } else {
      String reason = body.requiredString("reason", Kyc.MAX_REASON);
      ctx.json(UserSummary.of(s.kyc().reject(admin(ctx).email(), email, reason)));
    }
  }

  private void setFeeTier(Context ctx) {
    String email = email(ctx);
    int feeTier = JsonBody.of(ctx).requiredInt("feeTier", 0, MAX_FEE_TIER);
    ctx.json(UserSummary.of(s.commands().send(email, new SetFeeTier(feeTier))));
  }

  private void createApiKey(Context ctx) {
    String email = email(ctx);
    JsonBody body = JsonBody.of(ctx);
    ApiPermission permission = body.requiredEnum("permission", ApiPermission.class);
    ctx.json(s.apiKeys().create(email, permission, IdentityRoutes.label(body)));
  }

  private void revokeApiKey(Context ctx) {
    String email = email(ctx);
    String apiKey = IdentityRoutes.apiKeyParam(ctx);
    s.apiKeys().revoke(email, apiKey);
    ctx.json(Map.of("apiKey", apiKey, "revoked", true));
  }

  /** An amount of an asset for an account, as a deposit or withdrawal names it. */
  private record Money(WalletAdmin.Account account, String asset, long amount, int scale) {}

  private void deposit(Context ctx) {
    JsonBody body = JsonBody.of(ctx);
    Money money = money(body);
    String depositId = reference(body, "depositId");
    String reference = reference(body, "reference");
    ctx.json(s.wallet().deposit(money.account(), money.asset(), money.amount(), money.scale(), depositId, reference));
  }

  private void requestWithdrawal(Context ctx) {
    JsonBody body = JsonBody.of(ctx);
    Money money = money(body);
    String address = body.requiredString("address", 128);
    if (!REFERENCE.matcher(address).matches()) {
      throw ApiException.illegalCharacters("address", "1-128 printable characters");
    }
    String withdrawalId = reference(body, "withdrawalId");
    ctx.json(s.wallet().requestWithdrawal(money.account(), money.asset(), money.amount(), money.scale(), address, withdrawalId));
  }

  private void completeWithdrawal(Context ctx) {
    String withdrawalId = withdrawalId(ctx);
    JsonBody body = JsonBody.of(ctx);
    WalletAdmin.Account account = account(body);
    ctx.json(s.wallet().completeWithdrawal(account, withdrawalId, reference(body, "reference")));
  }

  private void cancelWithdrawal(Context ctx) {
    String withdrawalId = withdrawalId(ctx);
    JsonBody body = JsonBody.of(ctx);
    WalletAdmin.Account account = account(body);
    ctx.json(s.wallet().cancelWithdrawal(account, withdrawalId, reference(body, "reason")));
  }

  private void createSymbol(Context ctx) {
    ctx.json(SymbolView.of(s.symbols().create(SymbolForm.create(JsonBody.of(ctx), s.clock().millis()))));
  }

  private void updateSymbol(Context ctx) {
    String symbol = symbol(ctx);
    JsonBody body = JsonBody.of(ctx);
    ctx.json(SymbolView.of(s.symbols().update(SymbolForm.update(s.symbols().get(symbol), body, s.clock().millis()))));
  }

  private void setStatus(Context ctx, SymbolStatus status) {
    ctx.json(SymbolView.of(s.symbols().setStatus(symbol(ctx), status, s.clock().millis())));
  }

  private void createTrader(Context ctx) {
    JsonBody body = JsonBody.of(ctx);
    String email = EmailAddress.normalize(body.requiredString("email", EmailAddress.MAX_LENGTH));
    String password = body.optionalString("password", 2 * PasswordPolicy.MAX_LENGTH).orElse(null);
    if (password != null) {
      PasswordPolicy.check(password, email);
    }
    int tier = body.optionalInt("kycTier", 1, Kyc.MAX_TIER).orElse(1);
    ApiPermission apiKey = body.optionalEnum("apiKey", ApiPermission.class).orElse(null);
    List<TraderSetup.Funding> deposits = new ArrayList<>();
    for (Map.Entry<String, String> deposit : body.optionalStringMap("deposits", MAX_DEPOSITS, 40).orElse(Map.of()).entrySet()) {
      String asset = deposit.getKey();
      if (!ASSET.matcher(asset).matches()) {
        throw ApiException.illegalCharacters("deposits", "asset codes of 2-12 upper-case letters or digits");
      }
      int scale = s.symbols().scaleOf(asset);
      long amount = JsonBody.decimal("deposits." + asset, deposit.getValue(), scale);
      if (amount <= 0) {
        throw AdminErrors.invalidAmount("deposits." + asset);
      }
      deposits.add(new TraderSetup.Funding(asset, amount, scale));
    }
    SubmitKyc kyc = new SubmitKyc(
        KycForm.fullName(body.optionalString("fullName", KycForm.MAX_NAME).orElse("Castle Trader")), KycForm.UNKNOWN_COUNTRY, "1970-01-01",
        "castle-admin:trader-setup");
    TraderSetup.Request request = new TraderSetup.Request(email, password, kyc, tier, deposits, apiKey);
    ctx.json(s.traders().create(admin(ctx).email(), request));
  }

  private Money money(JsonBody body) {
    WalletAdmin.Account account = account(body);
    String asset = asset(body);
    int scale = s.symbols().scaleOf(asset);
    return new Money(account, asset, body.requiredDecimal("amount", scale), scale);
  }

  private WalletAdmin.Account account(JsonBody body) {
    String email = EmailAddress.normalize(body.requiredString("email", EmailAddress.MAX_LENGTH));
    UserProfile user = s.users().existing(email);
    return new WalletAdmin.Account(user.userId(), user.email());
  }

  private static String asset(JsonBody body) {
    String asset = body.requiredString("asset", 12);
    if (!ASSET.matcher(asset).matches()) {
      throw ApiException.illegalCharacters("asset", "^[A-Z0-9]{2,12}$");
    }
    return asset;
  }

  private static String reference(JsonBody body, String name) {
    String value = body.optionalString(name, 128).orElse(null);
    if (value != null && !REFERENCE.matcher(value).matches()) {
      throw ApiException.illegalCharacters(name, "1-128 printable characters");
    }
    return value;
  }

  private static String withdrawalId(Context ctx) {
    String id = ctx.pathParam("withdrawalId");
    if (!REFERENCE.matcher(id).matches() || id.contains("/")) {
      throw ApiException.illegalCharacters("withdrawalId", "1-128 printable characters");
    }
    return id;
  }

  private static String email(Context ctx) {
    return EmailAddress.normalize(ctx.pathParam("email"));
  }

  private static String symbol(Context ctx) {
    return SymbolForm.symbol(ctx.pathParam("symbol"));
  }

  private static Principal admin(Context ctx) {
    return ctx.attribute(ADMIN);
  }
}
