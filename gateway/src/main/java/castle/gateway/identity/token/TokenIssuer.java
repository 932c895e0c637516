package castle.gateway.identity.token;

import castle.schema.users.Role;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Issues Castle's access tokens: ES256-signed JWTs naming the user (subject = user id), their email
 * and role, and how they authenticated ({@code amr}: pwd, plus otp with MFA). The public half of the
 * key is published as a JWKS so other services can verify tokens without asking Castle.
 */
public final class TokenIssuer {

  /** The audience of every Castle token. */
  public static final String AUDIENCE = "castle";

  /** Claim holding the user's role. */
  public static final String ROLE_CLAIM = "role";

  /** Claim holding the user's email. */
  public static final String EMAIL_CLAIM = "email";

  /**
   * A signed token and when it expires.
   *
   * @param token the compact JWT
   * @param expiresAt epoch ms
   */
  public record IssuedToken(String token, long expiresAt) {}

  private final ECKey key;
  private final ECDSASigner signer;
  private final String issuer;
  private final Duration ttl;
  private final Clock clock;

  /** Tokens signed with {@code key}, from {@code issuer}, valid for {@code ttl}. */
  public TokenIssuer(ECKey key, String issuer, Duration ttl, Clock clock) {
    this.key = key;
    this.issuer = issuer;
    this.ttl = ttl;
    this.clock = clock;
    try {
      this.signer = new ECDSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("Not a usable ES256 signing key", e);
    }
  }

  /** A token for a user who just authenticated, with MFA or without. */
  public IssuedToken issue(long userId, String email, Role role, boolean withMfa) {
    long now = clock.millis();
    long expiresAt = now + ttl.toMillis();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(AUDIENCE)
        .subject(Long.toString(userId))
        .claim(EMAIL_CLAIM, email)
        .claim(ROLE_CLAIM, role.name())
        .claim("amr", withMfa ? List.of("pwd", "otp") : List.of("pwd"))
        .issueTime(new Date(now))
        .notBeforeTime(new Date(now))
        .expirationTime(new Date(expiresAt))
        .jwtID(UUID.randomUUID().toString())
        .build();
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a token", e);
    }
    return new IssuedToken(jwt.serialize(), expiresAt);
  }

  /** The issuer name tokens carry. */
  public String issuer() {
    return issuer;
  }

  /** The public verification keys, for the JWKS endpoint and for verifiers. */
  public JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }
}
