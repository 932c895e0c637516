package castle.gateway.identity.token;

import castle.topics.Keys;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URL;
import java.text.ParseException;
import java.util.Set;

/**
 * Verifies bearer tokens: the signature with one expected algorithm and the issuer's keys (so
 * {@code alg: none}, HMAC-with-the-public-key and foreign keys all fail), then the exact issuer, the
 * audience, the lifetime (60 s of clock skew allowed) and the claims Castle needs.
 */
public final class TokenVerifier {

  private final ConfigurableJWTProcessor<SecurityContext> processor;

  private TokenVerifier(
      JWKSource<SecurityContext> keys, JWSAlgorithm algorithm, String issuer, String audience,
      JWTClaimsSet exactClaims, Set<String> requiredClaims) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithm, keys));
    JWTClaimsSet exact = new JWTClaimsSet.Builder(exactClaims).issuer(issuer).build();
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience, exact, requiredClaims));
    this.processor = processor;
  }

  /** Verifies Castle's own ES256 tokens against its public keys. */
  public static TokenVerifier castle(JWKSet publicKeys, String issuer) {
    return new TokenVerifier(
        new ImmutableJWKSet<>(publicKeys), JWSAlgorithm.ES256, issuer, TokenIssuer.AUDIENCE,
        new JWTClaimsSet.Builder().build(),
        Set.of("sub", "exp", "iat", TokenIssuer.EMAIL_CLAIM, TokenIssuer.ROLE_CLAIM));
  }

  /**
   * Verifies Amazon Cognito ID tokens (RS256) from a user pool: issuer {@code
   * https://cognito-idp.<region>.amazonaws.com/<pool id>}, keys from its JWKS URL (fetched and cached,
   * refreshed when an unknown key id appears), {@code token_use=id} and the app client as audience.
   */
  public static TokenVerifier cognito(URL jwksUrl, String issuer, String clientId) {
    JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwksUrl).retrying(true).build();
    return new TokenVerifier(
        keys, JWSAlgorithm.RS256, issuer, clientId,
        new JWTClaimsSet.Builder().claim("token_use", "id").claim("email_verified", true).build(),
        Set.of("sub", "exp", "iat", TokenIssuer.EMAIL_CLAIM));
  }

  /** The verified claims of {@code token}. */
  public VerifiedToken verify(String token) throws InvalidTokenException {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException | BadJOSEException e) {
      throw new InvalidTokenException(e.getMessage(), e);
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new InvalidTokenException("cannot verify: " + e.getMessage(), e);
    }
    Object email = claims.getClaim(TokenIssuer.EMAIL_CLAIM);
    if (!(email instanceof String text) || text.isBlank()) {
      throw new InvalidTokenException("no email claim", null);
    }
    return new VerifiedToken(claims.getSubject(), Keys.email(text), claims);
  }
}
