package castle.gateway.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import castle.gateway.fixture.FakeCognito;
import castle.schema.users.Role;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Token verification in both modes refuses every token it must: unsigned ({@code alg: none}), signed
 * with a wrong key or algorithm, expired, from another issuer, for another audience, or tampered.
 */
class TokenVerifierTest {

  private static final String ISSUER = "castle";
  private static final ECKey KEY = SigningKeys.generate();
  private static final TokenIssuer ISSUED = new TokenIssuer(KEY, ISSUER, Duration.ofHours(1), Clock.systemUTC());
  private static final TokenVerifier CASTLE = TokenVerifier.castle(ISSUED.publicKeys(), ISSUER);
  private static final FakeCognito COGNITO = new FakeCognito();
  private static final TokenVerifier COGNITO_VERIFIER =
      TokenVerifier.cognito(COGNITO.jwksUrl(), COGNITO.issuer(), FakeCognito.CLIENT_ID);

  @AfterAll
  static void stopPool() {
    COGNITO.close();
  }

  @Test
  void castleAcceptsItsOwnTokens() throws Exception {
    VerifiedToken token = CASTLE.verify(ISSUED.issue(42, "ann@example.com", Role.ADMIN, false).token());

    assertThat(token.subject()).isEqualTo("42");
    assertThat(token.email()).isEqualTo("ann@example.com");
    assertThat(token.claims().getClaim(TokenIssuer.ROLE_CLAIM)).isEqualTo("ADMIN");
  }

  static Stream<Arguments> castleTokensToRefuse() {
    ECKey otherKey = SigningKeys.generate();
    ECKey sameIdOtherKey = new ECKey.Builder(otherKey).keyID(KEY.getKeyID()).build();
    Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
    return Stream.of(
        Arguments.of("alg none", (Function<JWTClaimsSet, String>) claims -> new PlainJWT(claims).serialize()),
        Arguments.of("another key", (Function<JWTClaimsSet, String>) claims -> signEs256(otherKey, claims)),
        Arguments.of("another key under our key id", (Function<JWTClaimsSet, String>) claims -> signEs256(sameIdOtherKey, claims)),
        Arguments.of("HS256", (Function<JWTClaimsSet, String>) TokenVerifierTest::signHs256),
        Arguments.of("expired", (Function<JWTClaimsSet, String>) claims -> new TokenIssuer(
            KEY, ISSUER, Duration.ofHours(1), Clock.fixed(twoHoursAgo, ZoneOffset.UTC)).issue(42, "ann@example.com", Role.USER, false).token()),
        Arguments.of("another issuer", (Function<JWTClaimsSet, String>) claims -> new TokenIssuer(
            KEY, "evil", Duration.ofHours(1), Clock.systemUTC()).issue(42, "ann@example.com", Role.ADMIN, false).token()),
        Arguments.of("another audience", (Function<JWTClaimsSet, String>) claims ->
            signEs256(KEY, new JWTClaimsSet.Builder(claims).audience("other-service").build())),
        Arguments.of("no email", (Function<JWTClaimsSet, String>) claims ->
            signEs256(KEY, new JWTClaimsSet.Builder(claims).claim("email", null).build())),
        Arguments.of("tampered role", (Function<JWTClaimsSet, String>) claims -> tamper(
            ISSUED.issue(42, "ann@example.com", Role.USER, false).token(), "\"USER\"", "\"ADMIN\"")),
        Arguments.of("garbage", (Function<JWTClaimsSet, String>) claims -> "not.a.jwt"));
  }

  @ParameterizedTest(name = "castle refuses {0}")
  @MethodSource("castleTokensToRefuse")
  void castleRefuses(String what, Function<JWTClaimsSet, String> token) throws Exception {
    JWTClaimsSet valid = SignedJWT.parse(ISSUED.issue(42, "ann@example.com", Role.USER, false).token()).getJWTClaimsSet();

    assertThatThrownBy(() -> CASTLE.verify(token.apply(valid))).isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void cognitoAcceptsIdTokensOfThePool() throws Exception {
    VerifiedToken token = COGNITO_VERIFIER.verify(COGNITO.idToken("sub-1", "Zoe@Example.com", claims -> claims));

    assertThat(token.subject()).isEqualTo("sub-1");
    assertThat(token.email()).isEqualTo("zoe@example.com");
  }

  static Stream<Arguments> cognitoTokensToRefuse() {
    Date past = Date.from(Instant.now().minus(Duration.ofHours(1)));
    return Stream.of(
        Arguments.of("alg none", (Function<FakeCognito, String>) pool ->
            new PlainJWT(pool.idClaims("sub-1", "zoe@example.com").build()).serialize()),
        Arguments.of("another key under the pool's key id", (Function<FakeCognito, String>) pool ->
            FakeCognito.sign(FakeCognito.newKey(pool.key().getKeyID()), pool.idClaims("sub-1", "zoe@example.com").build())),
        Arguments.of("an unknown key id", (Function<FakeCognito, String>) pool ->
            FakeCognito.sign(FakeCognito.newKey("unknown"), pool.idClaims("sub-1", "zoe@example.com").build())),
        Arguments.of("expired", (Function<FakeCognito, String>) pool ->
            pool.idToken("sub-1", "zoe@example.com", c -> c.issueTime(past).expirationTime(past))),
        Arguments.of("another issuer", (Function<FakeCognito, String>) pool ->
            pool.idToken("sub-1", "zoe@example.com", c -> c.issuer("https://cognito-idp.eu-west-1.amazonaws.com/other"))),
        Arguments.of("another app client", (Function<FakeCognito, String>) pool ->
            pool.idToken("sub-1", "zoe@example.com", c -> c.audience("someone-else"))),
        Arguments.of("an access token", (Function<FakeCognito, String>) pool ->
            pool.idToken("sub-1", "zoe@example.com", c -> c.claim("token_use", "access"))),
        Arguments.of("an unverified email", (Function<FakeCognito, String>) pool ->
            pool.idToken("sub-1", "zoe@example.com", c -> c.claim("email_verified", false))));
  }

  @ParameterizedTest(name = "cognito refuses {0}")
  @MethodSource("cognitoTokensToRefuse")
  void cognitoRefuses(String what, Function<FakeCognito, String> token) {
    assertThatThrownBy(() -> COGNITO_VERIFIER.verify(token.apply(COGNITO))).isInstanceOf(InvalidTokenException.class);
  }

  static String signEs256(ECKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String signHs256(JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build(), claims);
      jwt.sign(new MACSigner(KEY.toPublicJWK().toJSONString().repeat(2).getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String tamper(String token, String from, String to) {
    String[] parts = token.split("\\.");
    Base64.Decoder decoder = Base64.getUrlDecoder();
    String payload = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8).replace(from, to);
    parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return String.join(".", parts);
  }
}
