package castle.gateway.v1;

import static org.assertj.core.api.Assertions.assertThat;

import castle.gateway.fixture.Http;
import castle.gateway.fixture.IdentityStack;
import castle.gateway.fixture.Symbols;
import castle.gateway.fixture.Users;
import castle.gateway.identity.token.TokenIssuer;
import castle.schema.users.Role;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad input of every kind to the native API, as a table: each request gets its 4xx with the
 * contract's {@code {code, msg}} body and nothing else, and none of them writes anything to Kafka.
 */
class BadInputTest {

  /** Who sends the request: nobody, a user, an admin, or someone with an untrustworthy token. */
  private enum As { NOBODY, USER, ADMIN, GARBAGE_TOKEN, UNSIGNED_TOKEN, EXPIRED_TOKEN }

  private record Case(String name, As as, String method, String path, String contentType, String body, int status, int code) {}

  private final IdentityStack stack = IdentityStack.get();
  private final Http http = stack.http();

  @TestFactory
  Stream<DynamicTest> everyBadRequestGetsA4xxAndWritesNothing() throws Exception {
    String user = Users.userToken("table");
    String admin = Users.adminToken();
    String base = IdentityStack.uniqueAsset("B");
    assertThat(http.post("/v1/admin/symbols", Symbols.btcLike(base, IdentityStack.uniqueAsset("Q")), admin).status()).isEqualTo(200);
    String someone = Users.registered("funded");
    String unsigned = new PlainJWT(SignedJWT.parse(user).getJWTClaimsSet()).serialize();
    String expired = new TokenIssuer(stack.config().signingKey(), stack.config().issuer(), Duration.ofMinutes(1),
        Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC)).issue(7, "x@example.com", Role.ADMIN, false).token();
    String pw = "\"password\":\"" + Users.PASSWORD + "\"";
    String deposit = "{\"email\":\"" + someone + "\",\"asset\":\"" + base + "\",\"amount\":";

    List<Case> cases = List.of(
        new Case("form body", As.NOBODY, "POST", "/v1/auth/register", "application/x-www-form-urlencoded", "email=a%40b.co", 415, -1100),
        new Case("no content type", As.NOBODY, "POST", "/v1/auth/register", null, "{}", 415, -1100),
        new Case("malformed JSON", As.NOBODY, "POST", "/v1/auth/register", "application/json", "{\"email\":", 400, -1100),
        new Case("a JSON array", As.NOBODY, "POST", "/v1/auth/register", "application/json", "[]", 400, -1100),
        new Case("NaN", As.NOBODY, "POST", "/v1/auth/register", "application/json", "{\"email\":NaN}", 400, -1100),
        new Case("duplicate key", As.NOBODY, "POST", "/v1/auth/register", "application/json",
            "{\"email\":\"a@b.co\",\"email\":\"c@d.co\"," + pw + "}", 400, -1101),
        new Case("missing password", As.NOBODY, "POST", "/v1/auth/register", "application/json", "{\"email\":\"a@b.co\"}", 400, -1102),
        new Case("empty email", As.NOBODY, "POST", "/v1/auth/register", "application/json", "{\"email\":\"\"," + pw + "}", 400, -1102),
        new Case("email as a number", As.NOBODY, "POST", "/v1/auth/register", "application/json", "{\"email\":5," + pw + "}", 400, -1100),
        new Case("not an email", As.NOBODY, "POST", "/v1/auth/register", "application/json", "{\"email\":\"not-an-email\"," + pw + "}", 400, -7107),
        new Case("huge email", As.NOBODY, "POST", "/v1/auth/register", "application/json",
            "{\"email\":\"" + "a".repeat(300) + "@b.co\"," + pw + "}", 400, -1100),
        new Case("huge password", As.NOBODY, "POST", "/v1/auth/register", "application/json",
            "{\"email\":\"a@b.co\",\"password\":\"" + "p".repeat(300) + "\"}", 400, -1100),
        new Case("control character", As.NOBODY, "POST", "/v1/auth/register", "application/json",
            "{\"email\":\"a@b.co\",\"password\":\"correct horse\\u0000battery\"}", 400, -1100),
        new Case("body over 16 KiB", As.NOBODY, "POST", "/v1/auth/register", "application/json",
            "{\"email\":\"a@b.co\",\"pad\":\"" + "x".repeat(17_000) + "\"}", 413, -1100),
        new Case("deep nesting", As.NOBODY, "POST", "/v1/auth/register", "application/json",
            "{\"a\":" + "[".repeat(50) + "]".repeat(50) + "}", 400, -1100),
        new Case("login without email", As.NOBODY, "POST", "/v1/auth/login", "application/json", "{" + pw + "}", 400, -1102),
        new Case("seven-digit MFA code", As.NOBODY, "POST", "/v1/auth/login", "application/json",
            "{\"email\":\"a@b.co\"," + pw + ",\"mfaCode\":\"1234567\"}", 400, -1100),
        new Case("no token", As.NOBODY, "GET", "/v1/me", null, null, 401, -1002),
        new Case("garbage token", As.GARBAGE_TOKEN, "GET", "/v1/me", null, null, 401, -1002),
        new Case("alg none token", As.UNSIGNED_TOKEN, "GET", "/v1/me", null, null, 401, -1002),
        new Case("expired admin token", As.EXPIRED_TOKEN, "GET", "/v1/admin/symbols", null, null, 401, -1002),
        new Case("unknown permission", As.USER, "POST", "/v1/me/api-keys", "application/json", "{\"permission\":\"ADMIN\"}", 400, -1130),
        new Case("missing permission", As.USER, "POST", "/v1/me/api-keys", "application/json", "{}", 400, -1102),
        new Case("long label", As.USER, "POST", "/v1/me/api-keys", "application/json",
            "{\"permission\":\"READ\",\"label\":\"" + "l".repeat(65) + "\"}", 400, -1100),
        new Case("malformed API key", As.USER, "DELETE", "/v1/me/api-keys/short", null, null, 400, -1100),
        new Case("a minor's KYC", As.USER, "POST", "/v1/me/kyc", "application/json", kyc("Ann Lee", "FR", "2020-01-01"), 400, -1130),
        new Case("impossible date", As.USER, "POST", "/v1/me/kyc", "application/json", kyc("Ann Lee", "FR", "1990-13-01"), 400, -1130),
        new Case("lower-case country", As.USER, "POST", "/v1/me/kyc", "application/json", kyc("Ann Lee", "fr", "1990-01-01"), 400, -1130),
        new Case("markup in a name", As.USER, "POST", "/v1/me/kyc", "application/json", kyc("<script>", "FR", "1990-01-01"), 400, -1130),
        new Case("forged enrollment", As.USER, "POST", "/v1/me/mfa/confirm", "application/json",
            "{\"enrollmentToken\":\"AAAA\",\"code\":\"123456\"}", 400, -7105),
        new Case("negative amount", As.ADMIN, "POST", "/v1/admin/deposits", "application/json", deposit + "\"-1\"}", 400, -1100),
        new Case("exponent", As.ADMIN, "POST", "/v1/admin/deposits", "application/json", deposit + "\"1e3\"}", 400, -1100),
        new Case("zero amount", As.ADMIN, "POST", "/v1/admin/deposits", "application/json", deposit + "\"0\"}", 400, -7205),
        new Case("too precise", As.ADMIN, "POST", "/v1/admin/deposits", "application/json", deposit + "\"0.000000001\"}", 400, -1111),
        new Case("huge amount", As.ADMIN, "POST", "/v1/admin/deposits", "application/json", deposit + "\"99999999999999999999\"}", 400, -1100),
        new Case("amount as a number", As.ADMIN, "POST", "/v1/admin/deposits", "application/json", deposit + "1}", 400, -1100),
        new Case("lower-case asset", As.ADMIN, "POST", "/v1/admin/deposits", "application/json",
            "{\"email\":\"" + someone + "\",\"asset\":\"btc\",\"amount\":\"1\"}", 400, -1100),
        new Case("unknown asset", As.ADMIN, "POST", "/v1/admin/deposits", "application/json",
            "{\"email\":\"" + someone + "\",\"asset\":\"NOPE9\",\"amount\":\"1\"}", 400, -7201),
        new Case("unknown user", As.ADMIN, "POST", "/v1/admin/deposits", "application/json",
            "{\"email\":\"ghost@example.com\",\"asset\":\"" + base + "\",\"amount\":\"1\"}", 404, -7002),
        new Case("symbol without tick size", As.ADMIN, "POST", "/v1/admin/symbols", "application/json",
            "{\"baseAsset\":\"AAA\",\"quoteAsset\":\"BBB\",\"baseScale\":8,\"quoteScale\":8}", 400, -1102),
        new Case("scale 19", As.ADMIN, "POST", "/v1/admin/symbols", "application/json",
            "{\"baseAsset\":\"AAA\",\"quoteAsset\":\"BBB\",\"baseScale\":19,\"quoteScale\":8}", 400, -1100),
        new Case("lower-case quote asset", As.ADMIN, "POST", "/v1/admin/symbols", "application/json",
            "{\"baseAsset\":\"AAA\",\"quoteAsset\":\"usdt\",\"baseScale\":8,\"quoteScale\":8}", 400, -1100),
        new Case("malformed symbol", As.ADMIN, "GET", "/v1/admin/symbols/btc-usdt", null, null, 400, -1121),
        new Case("unknown symbol", As.ADMIN, "POST", "/v1/admin/symbols/NOSUCH1/halt", null, null, 400, -1121),
        new Case("approval as text", As.ADMIN, "POST", "/v1/admin/users/" + someone + "/kyc/decision", "application/json",
            "{\"approved\":\"yes\"}", 400, -1100),
        new Case("tier 0", As.ADMIN, "POST", "/v1/admin/users/" + someone + "/kyc/decision", "application/json",
            "{\"approved\":true,\"tier\":0}", 400, -1100),
        new Case("fractional fee tier", As.ADMIN, "POST", "/v1/admin/users/" + someone + "/fee-tier", "application/json",
            "{\"feeTier\":1.5}", 400, -1100),
        new Case("negative fee tier", As.ADMIN, "POST", "/v1/admin/users/" + someone + "/fee-tier", "application/json",
            "{\"feeTier\":-1}", 400, -1100),
        new Case("unknown role", As.ADMIN, "POST", "/v1/admin/users", "application/json",
            "{\"email\":\"r@example.com\",\"role\":\"ROOT\"}", 400, -1130),
        new Case("admin without password", As.ADMIN, "POST", "/v1/admin/users", "application/json",
            "{\"email\":\"r@example.com\",\"role\":\"ADMIN\"}", 400, -1102),
        new Case("email path that is no email", As.ADMIN, "GET", "/v1/admin/users/not-an-email", null, null, 400, -7107),
        new Case("deposits as a list", As.ADMIN, "POST", "/v1/admin/traders", "application/json",
            "{\"email\":\"t@example.com\",\"deposits\":[\"BTC\"]}", 400, -1100),
        new Case("unknown path", As.NOBODY, "GET", "/v1/no-such-thing", null, null, 404, -1));

    long before = stack.writtenRecords();
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : cases) {
      tests.add(DynamicTest.dynamicTest(c.name(), () -> {
        String token = switch (c.as()) {
          case USER -> user;
          case ADMIN -> admin;
          case NOBODY -> null;
          case GARBAGE_TOKEN -> "garbage.token.here";
          case UNSIGNED_TOKEN -> unsigned;
          case EXPIRED_TOKEN -> expired;
        };
        Http.Response response = http.send(c.method(), c.path(), c.contentType(), c.body(), token);
        assertThat(response.status()).as("%s: %s", c.name(), response.body()).isEqualTo(c.status());
        assertThat(response.json()).as("%s: %s", c.name(), response.body()).isNotNull();
        assertThat(response.json().size()).as("fields of %s", response.body()).isEqualTo(2);
        assertThat(response.json().get("code").isInt()).isTrue();
        assertThat(response.json().get("code").asInt()).isEqualTo(c.code());
        assertThat(response.json().get("msg").isTextual()).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
      }));
    }
    tests.add(DynamicTest.dynamicTest("nothing was written to Kafka",
        () -> assertThat(stack.writtenRecords()).isEqualTo(before)));
    return tests.stream();
  }

  private static String kyc(String name, String country, String dateOfBirth) {
    return "{\"fullName\":\"" + name + "\",\"country\":\"" + country + "\",\"dateOfBirth\":\"" + dateOfBirth
        + "\",\"documentReference\":\"s3://kyc/doc\"}";
  }
}
