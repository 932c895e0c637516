package castle.gateway.identity;

import castle.gateway.identity.auth.AuthMode;
import castle.gateway.ids.IdGenerator;
import castle.gateway.security.SecretBox;
import com.nimbusds.jose.jwk.ECKey;
import java.net.URL;
import java.time.Duration;

/**
 * How the gateway authenticates users and protects secrets.
 *
 * @param mode CASTLE (own passwords and tokens) or COGNITO (a user pool's ID tokens)
 * @param signingKey the ES256 key Castle signs tokens with (CASTLE mode)
 * @param issuer the {@code iss} of Castle's tokens (CASTLE mode)
 * @param tokenTtl how long Castle's tokens are valid
 * @param cognito the user pool (COGNITO mode), else null
 * @param secretsKey the 32-byte key sealing API secrets and TOTP seeds, the same on every gateway
 * @param nodeId this gateway's id generator node, unique among running gateways
 * @param commandTimeout how long a request waits for the outcome of a command it sent
 */
public record IdentityConfig(
    AuthMode mode,
    ECKey signingKey,
    String issuer,
    Duration tokenTtl,
    Cognito cognito,
    byte[] secretsKey,
    int nodeId,
    Duration commandTimeout) {

  /** The default outcome wait: generous next to the tens of milliseconds a command takes. */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(10);

  /** The default token lifetime. */
  public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(1);

  /** The default issuer of Castle's tokens. */
  public static final String DEFAULT_ISSUER = "castle";

  /**
   * An Amazon Cognito user pool.
   *
   * @param issuer {@code https://cognito-idp.<region>.amazonaws.com/<user pool id>}
   * @param jwksUrl the pool's keys, {@code <issuer>/.well-known/jwks.json}
   * @param clientId the app client id ID tokens must be issued for
   * @param adminGroup members of this Cognito group are Castle admins; null for none
   */
  public record Cognito(String issuer, URL jwksUrl, String clientId, String adminGroup) {}

  /** Checks that the mode has what it needs. */
  public IdentityConfig {
    if (mode == AuthMode.CASTLE && (signingKey == null || issuer == null || tokenTtl == null)) {
      throw new IllegalArgumentException("Castle authentication needs a signing key, an issuer and a token lifetime");
    }
    if (mode == AuthMode.COGNITO && (cognito == null || cognito.issuer() == null || cognito.jwksUrl() == null
        || cognito.clientId() == null)) {
      throw new IllegalArgumentException("Cognito authentication needs --cognito-issuer and --cognito-client-id");
    }
    if (secretsKey == null || secretsKey.length != SecretBox.KEY_BYTES) {
      throw new IllegalArgumentException("The secrets key must be " + SecretBox.KEY_BYTES + " bytes (base64 of 32 random bytes)");
    }
    if (nodeId < 0 || nodeId > IdGenerator.MAX_NODE) {
      throw new IllegalArgumentException("--node-id must be 0.." + IdGenerator.MAX_NODE);
    }
  }
}
