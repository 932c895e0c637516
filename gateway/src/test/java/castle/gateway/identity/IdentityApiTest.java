package castle.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import castle.gateway.fixture.Http;
import castle.gateway.fixture.IdentityStack;
import castle.gateway.fixture.Users;
import castle.gateway.identity.apikeys.ApiKeyDirectory;
import castle.gateway.identity.mfa.Totp;
import castle.gateway.identity.token.TokenVerifier;
import castle.gateway.identity.users.UserDirectory;
import castle.iq.RemoteStoreQueries;
import castle.iq.users.UserCredentials;
import castle.iq.users.UserProfile;
import castle.schema.users.ApiKeyRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The native identity API over real HTTP, against the users app on the shared broker. */
class IdentityApiTest {

  private final IdentityStack stack = IdentityStack.get();
  private final Http http = stack.http();

  @AfterEach
  void resetClock() {
    stack.clock().reset();
  }

  @Test
  void aRegisteredUserCanLogInAtOnceAndSeeTheirProfile() {
    String email = IdentityStack.uniqueEmail("Alice");

    Http.Response registered = http.post("/v1/auth/register", Map.of("email", "  " + email.toUpperCase() + " ", "password", Users.PASSWORD), null);
    assertThat(registered.status()).isEqualTo(200);
    assertThat(registered.json().get("email").asText()).isEqualTo(email.toLowerCase());
    assertThat(registered.json().get("kycStatus").asText()).isEqualTo("NONE");
    assertThat(registered.json().get("userId").asLong()).isGreaterThan(1);

    String token = Users.token(email.toLowerCase());
    Http.Response me = http.get("/v1/me", token);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("userId").asLong()).isEqualTo(registered.json().get("userId").asLong());
    assertThat(me.json().get("role").asText()).isEqualTo("USER");
    assertThat(me.json().get("mfaEnabled").asBoolean()).isFalse();
    assertThat(me.body()).doesNotContain("argon2").doesNotContain("passwordHash");
  }

  @Test
  void anEmailRegistersOnce() {
    String email = Users.registered("bob");

    Http.Response again = http.post("/v1/auth/register", Map.of("email", email, "password", "another fine password"), null);

    assertError(again, 409, -7001, "Email is already registered.");
  }

  @Test
  void wrongPasswordsAndUnknownEmailsGetTheSameAnswer() {
    String email = Users.registered("carol");

    Http.Response wrongPassword = http.post("/v1/auth/login", Map.of("email", email, "password", "not the password"), null);
    Http.Response unknown = http.post("/v1/auth/login", Map.of("email", "nobody-" + email, "password", Users.PASSWORD), null);

    assertError(wrongPassword, 401, -7102, "Invalid email or password.");
    assertThat(unknown.body()).isEqualTo(wrongPassword.body());
  }

  @Test
  void weakPasswordsAreRefusedBeforeAnythingIsWritten() {
    long before = stack.writtenRecords();

    Http.Response tooShort = http.post("/v1/auth/register", Map.of("email", IdentityStack.uniqueEmail("dan"), "password", "short"), null);

    assertError(tooShort, 400, -7101, "Password must be 10 to 128 characters.");
    assertThat(stack.writtenRecords()).isEqualTo(before);
  }

  @Test
  void tokensVerifyAgainstThePublishedJwks() throws Exception {
    String token = Users.userToken("erin");

    Http.Response jwks = http.get("/v1/auth/jwks.json", null);

    assertThat(jwks.status()).isEqualTo(200);
    assertThat(jwks.body()).contains("\"kty\":\"EC\"").contains("\"crv\":\"P-256\"").doesNotContain("\"d\"");
    JWKSet published = JWKSet.load(URI.create(http.baseUrl() + "/v1/auth/jwks.json").toURL());
    assertThat(TokenVerifier.castle(published, IdentityConfig.DEFAULT_ISSUER).verify(token).email()).startsWith("erin-");
  }

  @Test
  void mfaEnrollsWithACodeAndThenGuardsLoginKeysAndItself() {
    String email = Users.registered("frank");
    String token = Users.token(email);

    // Enroll: the seed is shown once, as base32 and in an otpauth URI.
    Http.Response enrolled = http.post("/v1/me/mfa/enroll", Map.of(), token);
    assertThat(enrolled.status()).isEqualTo(200);
    String secret = enrolled.json().get("secret").asText();
    assertThat(enrolled.json().get("otpauthUri").asText())
        .startsWith("otpauth://totp/Castle:").contains("secret=" + secret).contains("issuer=Castle");
    byte[] seed = Base32.decode(padded(secret));
    long step = Totp.step(stack.clock().millis());
    String enrollment = enrolled.json().get("enrollmentToken").asText();

    // A wrong code does not enable it; a right one does.
    assertError(http.post("/v1/me/mfa/confirm", Map.of("enrollmentToken", enrollment, "code", wrongCode(seed, step)), token),
        401, -7104, "Invalid MFA code.");
    assertThat(http.post("/v1/me/mfa/confirm", Map.of("enrollmentToken", enrollment, "code", Totp.code(seed, step - 1)), token).status())
        .isEqualTo(200);
    assertThat(http.get("/v1/me", token).json().get("mfaEnabled").asBoolean()).isTrue();

    // Login now needs a code, and each code works once.
    assertError(http.post("/v1/auth/login", Map.of("email", email, "password", Users.PASSWORD), null), 401, -7103, "MFA code required.");
    Http.Response withCode = http.post("/v1/auth/login", Map.of("email", email, "password", Users.PASSWORD, "mfaCode", Totp.code(seed, step)), null);
    assertThat(withCode.status()).isEqualTo(200);
    assertError(http.post("/v1/auth/login", Map.of("email", email, "password", Users.PASSWORD, "mfaCode", Totp.code(seed, step)), null),
        401, -7104, "Invalid MFA code.");

    // So does creating an API key.
    String mfaToken = withCode.json().get("accessToken").asText();
    assertError(http.post("/v1/me/api-keys", Map.of("permission", "READ"), mfaToken), 401, -7103, "MFA code required.");
    assertThat(http.post("/v1/me/api-keys", Map.of("permission", "READ", "mfaCode", Totp.code(seed, step + 1)), mfaToken).status())
        .isEqualTo(200);

    // And turning it off, a period later.
    stack.clock().advance(Duration.ofSeconds(Totp.PERIOD_SECONDS));
    assertThat(http.post("/v1/me/mfa/disable", Map.of("code", Totp.code(seed, step + 2)), mfaToken).status()).isEqualTo(200);
    assertThat(http.post("/v1/auth/login", Map.of("email", email, "password", Users.PASSWORD), null).status()).isEqualTo(200);
  }

  @Test
  void anEnrollmentTokenWorksOnlyForItsUser() {
    String alice = Users.userToken("grace");
    String bob = Users.userToken("heidi");
    JsonNode enrolled = http.post("/v1/me/mfa/enroll", Map.of(), alice).json();
    byte[] seed = Base32.decode(padded(enrolled.get("secret").asText()));

    Http.Response stolen = http.post("/v1/me/mfa/confirm", Map.of(
        "enrollmentToken", enrolled.get("enrollmentToken").asText(),
        "code", Totp.code(seed, Totp.step(stack.clock().millis()))), bob);

    assertError(stolen, 400, -7105, "Invalid or expired MFA enrollment.");
  }

  @Test
  void anApiKeyIsUsableWhenCreationReturnsAndItsSecretIsShownOnce() {
    String token = Users.userToken("ivan");

    Http.Response created = http.post("/v1/me/api-keys", Map.of("permission", "TRADE", "label", "my bot"), token);

    assertThat(created.status()).isEqualTo(200);
    String apiKey = created.json().get("apiKey").asText();
    String secret = created.json().get("secretKey").asText();
    assertThat(apiKey).hasSize(64);
    assertThat(secret).hasSize(64).isNotEqualTo(apiKey);
    // Read your writes: the gateway's directory has it, sealed, the moment creation returned.
    ApiKeyDirectory.ActiveApiKey active = stack.api().apiKeys().activeWithSecret(apiKey).orElseThrow();
    assertThat(active.permission().name()).isEqualTo("TRADE");
    assertThat(active.email()).isEqualTo(http.get("/v1/me", token).json().get("email").asText());
    assertThat(new String(active.secret(), StandardCharsets.US_ASCII)).isEqualTo(secret);
    ApiKeyRecord record = stack.api().apiKeys().active(apiKey).orElseThrow();
    assertThat(new String(stack.box().open(bytes(record.getEncryptedSecret())), StandardCharsets.US_ASCII)).isEqualTo(secret);
    assertThat(bytes(record.getEncryptedSecret())).asString(StandardCharsets.ISO_8859_1).doesNotContain(secret);

    Http.Response listed = http.get("/v1/me/api-keys", token);
    assertThat(listed.json()).hasSize(1);
    assertThat(listed.json().get(0).get("apiKey").asText()).isEqualTo(apiKey);
    assertThat(listed.json().get(0).get("label").asText()).isEqualTo("my bot");
    assertThat(listed.body()).doesNotContain(secret);
    assertThat(http.get("/v1/me", token).body()).doesNotContain(secret);
  }

  @Test
  void aRevokedKeyIsRefusedWhenRevocationReturns() {
    String token = Users.userToken("judy");
    String apiKey = http.post("/v1/me/api-keys", Map.of("permission", "READ"), token).json().get("apiKey").asText();

    Http.Response revoked = http.delete("/v1/me/api-keys/" + apiKey, token);

    assertThat(revoked.status()).isEqualTo(200);
    assertThat(stack.api().apiKeys().active(apiKey)).isEmpty();
    assertThat(stack.api().apiKeys().find(apiKey).orElseThrow().getEncryptedSecret().remaining()).isZero();
    assertThat(http.get("/v1/me/api-keys", token).json().get(0).get("revoked").asBoolean()).isTrue();
    assertError(http.delete("/v1/me/api-keys/" + apiKey, token), 409, -7009, "API key is already revoked.");
  }

  @Test
  void nobodyCanRevokeAnotherUsersKey() {
    String owner = Users.userToken("ken");
    String other = Users.userToken("leo");
    String apiKey = http.post("/v1/me/api-keys", Map.of("permission", "READ"), owner).json().get("apiKey").asText();

    assertError(http.delete("/v1/me/api-keys/" + apiKey, other), 404, -7008, "Unknown API key.");
    assertThat(stack.api().apiKeys().active(apiKey)).isPresent();
  }

  @Test
  void kycGoesToPendingOnceAndShowsItsSubmission() {
    String token = Users.userToken("mallory");
    Map<String, Object> kyc = kycDetails();

    Http.Response submitted = http.post("/v1/me/kyc", kyc, token);

    assertThat(submitted.status()).isEqualTo(200);
    assertThat(submitted.json().get("kycStatus").asText()).isEqualTo("PENDING");
    JsonNode status = http.get("/v1/me/kyc", token).json();
    assertThat(status.get("status").asText()).isEqualTo("PENDING");
    assertThat(status.get("submission").get("country").asText()).isEqualTo("FR");
    assertError(http.post("/v1/me/kyc", kyc, token), 409, -7003, "KYC is already pending review.");
  }

  @Test
  void usersCannotRecordAnUnknownCountry() {
    String token = Users.userToken("niaj");
    Map<String, Object> kyc = new HashMap<>(kycDetails());
    kyc.put("country", "ZZ");

    assertError(http.post("/v1/me/kyc", kyc, token), 400, -1130, "Data sent for parameter 'country' is not valid.");
  }

  @Test
  void aStatelessGatewayReadsTheSameUsersThroughTheInternalRoutes() {
    String token = Users.userToken("olga");
    http.post("/v1/me/kyc", kycDetails(), token);
    http.post("/v1/me/api-keys", Map.of("permission", "READ"), token);
    String email = http.get("/v1/me", token).json().get("email").asText();
    UserDirectory local = new UserDirectory(stack.router());
    UserDirectory remote = new UserDirectory(
        new RemoteStoreQueries(http.baseUrl(), IdentityStack.INTERNAL_TOKEN, new ObjectMapper(), Duration.ofSeconds(3)));

    UserProfile profile = remote.profile(email).orElseThrow();
    UserCredentials credentials = remote.credentials(email).orElseThrow();

    assertThat(profile).isEqualTo(local.profile(email).orElseThrow());
    assertThat(profile.kyc().country()).isEqualTo("FR");
    assertThat(profile.apiKeys()).hasSize(1);
    assertThat(credentials.passwordHash()).isEqualTo(local.credentials(email).orElseThrow().passwordHash());
    assertThat(remote.profile("nobody-" + email)).isEmpty();
  }

  /** Valid KYC details. */
  static Map<String, Object> kycDetails() {
    return Map.of("fullName", "Mallory Dupont", "country", "FR", "dateOfBirth", "1988-02-29", "documentReference", "s3://kyc/passport-1");
  }

  /** Asserts an error answer in the contract's format. */
  static void assertError(Http.Response response, int status, int code, String msg) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.json().get("code").asInt()).isEqualTo(code);
    assertThat(response.json().get("msg").asText()).isEqualTo(msg);
    assertThat(response.json().size()).isEqualTo(2);
  }

  private static String wrongCode(byte[] seed, long step) {
    String code = "000000";
    for (long s = step - 1; s <= step + 1; s++) {
      if (Totp.code(seed, s).equals(code)) {
        return "111111";
      }
    }
    return code;
  }

  private static String padded(String base32) {
    return base32 + "=".repeat((8 - base32.length() % 8) % 8);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
