package castle.gateway.identity;

import castle.gateway.api.ApiException;
import castle.gateway.identity.apikeys.ApiKeys;
import castle.gateway.identity.auth.AuthMode;
import castle.gateway.identity.auth.Authenticator;
import castle.gateway.identity.auth.Principal;
import castle.gateway.identity.kyc.Kyc;
import castle.gateway.identity.kyc.KycForm;
import castle.gateway.identity.mfa.Mfa;
import castle.gateway.identity.password.PasswordPolicy;
import castle.gateway.identity.token.TokenIssuer;
import castle.gateway.identity.token.TokenIssuer.IssuedToken;
import castle.gateway.identity.users.Login;
import castle.gateway.identity.users.Registration;
import castle.gateway.identity.users.UserDirectory;
import castle.gateway.v1.JsonBody;
import castle.iq.users.UserProfile;
import castle.schema.users.ApiPermission;
import castle.schema.users.Role;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Castle's native identity API, JSON over HTTP under {@code /v1}:
 *
 * <ul>
 *   <li>{@code POST /v1/auth/register}, {@code POST /v1/auth/login}, {@code GET /v1/auth/jwks.json};
 *   <li>{@code GET /v1/me}; MFA under {@code /v1/me/mfa} (enroll, confirm, disable);
 *   <li>API keys under {@code /v1/me/api-keys}; KYC at {@code /v1/me/kyc}.
 * </ul>
 *
 * Everything but registration, login and the JWKS needs {@code Authorization: Bearer <token>}. In
 * Cognito mode the identity provider handles passwords and MFA, and registration links the holder
 * of a Cognito ID token to a new Castle user.
 */
public final class IdentityRoutes {

  /** The parts the routes use. */
  public record Services(
      AuthMode mode,
      Authenticator authenticator,
      Registration registration,
      Login login,
      TokenIssuer tokens,
      Mfa mfa,
      ApiKeys apiKeys,
      Kyc kyc,
      UserDirectory users,
      Clock clock) {}

  /** Longest API key label. */
  public static final int MAX_LABEL = 64;

  /** Longest password field read (the policy then checks the length in characters). */
  static final int MAX_PASSWORD_FIELD = 2 * PasswordPolicy.MAX_LENGTH;

  private static final Pattern API_KEY = Pattern.compile("[A-Za-z0-9]{" + ApiKeys.LENGTH + "}");

  private final Services s;

  /** Routes over these services. */
  public IdentityRoutes(Services services) {
    this.s = services;
  }

  /** Adds the routes to a Javalin configuration. */
  public void register(JavalinConfig config) {
    config.routes.post("/v1/auth/register", this::register);
    config.routes.post("/v1/auth/login", this::login);
    config.routes.get("/v1/auth/jwks.json", this::jwks);
    config.routes.get("/v1/me", ctx -> ctx.json(s.users().existing(principal(ctx).email())));
    config.routes.post("/v1/me/mfa/enroll", ctx -> ctx.json(s.mfa().enroll(castleUser(ctx, "MFA"))));
    config.routes.post("/v1/me/mfa/confirm", this::confirmMfa);
    config.routes.post("/v1/me/mfa/disable", this::disableMfa);
    config.routes.get("/v1/me/api-keys", ctx -> ctx.json(s.apiKeys().list(principal(ctx).email())));
    config.routes.post("/v1/me/api-keys", this::createApiKey);
    config.routes.delete("/v1/me/api-keys/{apiKey}", this::revokeApiKey);
    config.routes.get("/v1/me/kyc", ctx -> ctx.json(kycStatus(s.users().existing(principal(ctx).email()))));
    config.routes.post("/v1/me/kyc", this::submitKyc);
  }

  private void register(Context ctx) {
    if (s.mode() == AuthMode.COGNITO) {
      ctx.json(UserSummary.of(s.registration().registerExternal(s.authenticator().verify(ctx))));
      return;
    }
    JsonBody body = JsonBody.of(ctx);
    String email = body.requiredString("email", EmailAddress.MAX_LENGTH);
    String password = body.requiredString("password", MAX_PASSWORD_FIELD);
    ctx.json(UserSummary.of(s.registration().register(email, password, Role.USER)));
  }

  private void login(Context ctx) {
    requireCastleMode("Log in with the identity provider and send its ID token as a bearer token.");
    JsonBody body = JsonBody.of(ctx);
    String email = body.requiredString("email", EmailAddress.MAX_LENGTH);
    String password = body.requiredString("password", MAX_PASSWORD_FIELD);
    Optional<String> code = mfaCode(body);
    IssuedToken token = s.login().login(email, password, code);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("accessToken", token.token());
    answer.put("tokenType", "Bearer");
    answer.put("expiresAt", token.expiresAt());
    answer.put("expiresIn", (token.expiresAt() - s.clock().millis()) / 1000);
    ctx.json(answer);
  }

  private void jwks(Context ctx) {
    requireCastleMode("Tokens are issued by the identity provider; use its JWKS.");
    ctx.contentType("application/json").result(s.tokens().publicKeys().toString(true));
  }

  private void confirmMfa(Context ctx) {
    Principal principal = castleUser(ctx, "MFA");
    JsonBody body = JsonBody.of(ctx);
    String token = body.requiredString("enrollmentToken", 512);
    String code = body.requiredString("code", 6);
    s.mfa().confirm(principal, token, code);
    ctx.json(Map.of("mfaEnabled", true));
  }

  private void disableMfa(Context ctx) {
    Principal principal = castleUser(ctx, "MFA");
    String code = JsonBody.of(ctx).requiredString("code", 6);
    s.mfa().disable(principal, code);
    ctx.json(Map.of("mfaEnabled", false));
  }

  private void createApiKey(Context ctx) {
    Principal principal = principal(ctx);
    JsonBody body = JsonBody.of(ctx);
    ApiPermission permission = body.requiredEnum("permission", ApiPermission.class);
    String label = label(body);
    Optional<String> code = mfaCode(body);
    if (s.mode() == AuthMode.CASTLE) {
      s.mfa().requireIfEnabled(principal, code);
    }
    ctx.json(s.apiKeys().create(principal.email(), permission, label));
  }

  private void revokeApiKey(Context ctx) {
    Principal principal = principal(ctx);
    String apiKey = apiKeyParam(ctx);
    s.apiKeys().revoke(principal.email(), apiKey);
    ctx.json(Map.of("apiKey", apiKey, "revoked", true));
  }

  private void submitKyc(Context ctx) {
    Principal principal = principal(ctx);
    JsonBody body = JsonBody.of(ctx);
    ctx.json(UserSummary.of(s.kyc().submit(principal.email(), KycForm.read(body, false, s.clock()))));
  }

  /** The KYC part of a profile. */
  public static Map<String, Object> kycStatus(UserProfile user) {
    Map<String, Object> kyc = new LinkedHashMap<>();
    kyc.put("status", user.kycStatus());
    kyc.put("tier", user.kycTier());
    kyc.put("reason", user.kycReason());
    kyc.put("submission", user.kyc());
    kyc.put("decidedBy", user.kycDecidedBy());
    kyc.put("decidedAt", user.kycDecidedAt());
    return kyc;
  }

  /** An optional API key label. */
  public static String label(JsonBody body) {
    return body.optionalString("label", MAX_LABEL).orElse("");
  }

  /** The {@code apiKey} path parameter, checked for shape. */
  public static String apiKeyParam(Context ctx) {
    String apiKey = ctx.pathParam("apiKey");
    if (!API_KEY.matcher(apiKey).matches()) {
      throw ApiException.illegalCharacters("apiKey", "^[A-Za-z0-9]{64}$");
    }
    return apiKey;
  }

  private static Optional<String> mfaCode(JsonBody body) {
    return body.optionalString("mfaCode", 6);
  }

  private Principal principal(Context ctx) {
    return s.authenticator().authenticate(ctx);
  }

  private Principal castleUser(Context ctx, String what) {
    Principal principal = principal(ctx);
    requireCastleMode(what + " is managed by the identity provider.");
    return principal;
  }

  private void requireCastleMode(String otherwise) {
    if (s.mode() != AuthMode.CASTLE) {
      throw IdentityErrors.notInThisMode(otherwise);
    }
  }
}
