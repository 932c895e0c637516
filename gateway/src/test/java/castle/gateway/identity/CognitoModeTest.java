package castle.gateway.identity;

import static castle.gateway.identity.IdentityApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import castle.gateway.GatewayServer;
import castle.gateway.GatewaySettings;
import castle.gateway.NativeApi;
import castle.gateway.fixture.FakeCognito;
import castle.gateway.fixture.Http;
import castle.gateway.fixture.IdentityStack;
import castle.gateway.identity.auth.AuthMode;
import castle.gateway.kafka.KafkaClients;
import castle.gateway.security.SecretBox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A gateway in Cognito mode, over real HTTP: a user pool (served locally) authenticates, Castle
 * verifies its ID tokens against the pool's JWKS URL, links users by their Cognito subject, and makes
 * members of the admin group admins. Password login, JWKS and MFA belong to the pool.
 */
class CognitoModeTest {

  private static final String ADMIN_GROUP = "castle-admins";

  private static FakeCognito pool;
  private static NativeApi api;
  private static GatewayServer server;
  private static Http http;

  @BeforeAll
  static void startCognitoGateway() {
    IdentityStack stack = IdentityStack.get();
    pool = new FakeCognito();
    IdentityConfig config = new IdentityConfig(
        AuthMode.COGNITO, null, null, null,
        new IdentityConfig.Cognito(pool.issuer(), pool.jwksUrl(), FakeCognito.CLIENT_ID, ADMIN_GROUP),
        SecretBox.newKey(), 2, Duration.ofSeconds(15));
    api = NativeApi.start(config, new KafkaClients(stack.kafka(), new SimpleMeterRegistry()), stack.router(),
        Clock.systemUTC());
    server = GatewayServer.start(new GatewaySettings("127.0.0.1", 0), List.of(api::register));
    http = new Http("http://127.0.0.1:" + server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    api.close();
    pool.close();
  }

  @Test
  void theHolderOfAnIdTokenRegistersAndIsLinkedToTheirSubject() {
    String email = IdentityStack.uniqueEmail("cora");
    String token = pool.idToken("sub-cora", email, claims -> claims);

    Http.Response registered = http.post("/v1/auth/register", Map.of(), token);

    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    Http.Response me = http.get("/v1/me", token);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("email").asText()).isEqualTo(email);
    assertThat(me.json().get("externalSubject").asText()).isEqualTo("sub-cora");
    assertThat(http.post("/v1/me/api-keys", Map.of("permission", "READ"), token).status()).isEqualTo(200);
  }

  @Test
  void anotherSubjectWithTheSameEmailIsNotThatUser() {
    String email = IdentityStack.uniqueEmail("dora");
    http.post("/v1/auth/register", Map.of(), pool.idToken("sub-dora", email, claims -> claims));

    Http.Response impostor = http.get("/v1/me", pool.idToken("sub-someone-else", email, claims -> claims));

    assertError(impostor, 401, -1002, "You are not authorized to execute this request.");
  }

  @Test
  void aValidTokenOfAnUnregisteredUserIsNotEnough() {
    Http.Response me = http.get("/v1/me", pool.idToken("sub-x", IdentityStack.uniqueEmail("edna"), claims -> claims));

    assertError(me, 401, -1002, "You are not authorized to execute this request.");
  }

  @Test
  void passwordsJwksAndMfaBelongToTheIdentityProvider() {
    String email = IdentityStack.uniqueEmail("fay");
    String token = pool.idToken("sub-fay", email, claims -> claims);
    http.post("/v1/auth/register", Map.of(), token);

    assertThat(http.post("/v1/auth/login", Map.of("email", email, "password", "whatever it is"), null).json().get("code").asInt())
        .isEqualTo(-7106);
    assertThat(http.get("/v1/auth/jwks.json", null).json().get("code").asInt()).isEqualTo(-7106);
    assertThat(http.post("/v1/me/mfa/enroll", Map.of(), token).json().get("code").asInt()).isEqualTo(-7106);
  }

  @Test
  void membersOfTheAdminGroupAreAdmins() {
    String userEmail = IdentityStack.uniqueEmail("gus");
    String adminEmail = IdentityStack.uniqueEmail("hal");
    String user = pool.idToken("sub-gus", userEmail, claims -> claims);
    String admin = pool.idToken("sub-hal", adminEmail, List.of(ADMIN_GROUP));
    http.post("/v1/auth/register", Map.of(), user);
    http.post("/v1/auth/register", Map.of(), admin);

    assertThat(http.get("/v1/admin/users/" + userEmail, user).status()).isEqualTo(403);
    Http.Response asAdmin = http.get("/v1/admin/users/" + userEmail, admin);
    assertThat(asAdmin.status()).isEqualTo(200);
    assertThat(asAdmin.json().get("externalSubject").asText()).isEqualTo("sub-gus");
  }
}
