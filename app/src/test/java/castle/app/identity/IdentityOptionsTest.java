package castle.app.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import castle.gateway.identity.IdentityConfig;
import castle.gateway.identity.auth.AuthMode;
import castle.gateway.identity.token.SigningKeys;
import castle.gateway.security.SecretBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the gateway's keys come from: generated once locally, given explicitly in production. */
class IdentityOptionsTest {

  @Test
  void theLocalRoleGeneratesKeysOnceAndKeepsThemOwnerOnly(@TempDir Path dir) throws Exception {
    IdentityConfig first = IdentityOptions.defaults().resolve(dir);
    IdentityConfig second = IdentityOptions.defaults().resolve(dir);

    assertThat(second.signingKey()).isEqualTo(first.signingKey());
    assertThat(second.secretsKey()).isEqualTo(first.secretsKey());
    for (String file : new String[] {IdentityOptions.SIGNING_KEY_FILE, IdentityOptions.SECRETS_KEY_FILE}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file)))).isEqualTo("rw-------");
    }
    assertThat(first.tokenTtl()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aGatewayWithoutLocalStorageMustBeGivenItsKeys() {
    assertThatThrownBy(() -> IdentityOptions.defaults().resolve(null)).hasMessageContaining("--jwt-key is required");

    IdentityOptions withJwt = IdentityOptions.defaults();
    withJwt.jwtKey = SigningKeys.generate().toJSONString();
    assertThatThrownBy(() -> withJwt.resolve(null)).hasMessageContaining("--secrets-key is required");
  }

  @Test
  void keysCanBeGivenInlineOrAsFiles(@TempDir Path dir) throws Exception {
    byte[] secrets = SecretBox.newKey();
    Path keyFile = dir.resolve("jwt.json");
    Files.writeString(keyFile, SigningKeys.generate().toJSONString());
    IdentityOptions options = IdentityOptions.defaults();
    options.jwtKey = "file:" + keyFile;
    options.secretsKey = Base64.getEncoder().encodeToString(secrets);
    options.jwtTtl = "15m";

    IdentityConfig config = options.resolve(null);

    assertThat(config.signingKey().isPrivate()).isTrue();
    assertThat(config.secretsKey()).isEqualTo(secrets);
    assertThat(config.tokenTtl()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void badKeysAndSettingsAreRefusedWithTheReason() {
    IdentityOptions publicKey = IdentityOptions.defaults();
    publicKey.jwtKey = SigningKeys.generate().toPublicJWK().toJSONString();
    publicKey.secretsKey = Base64.getEncoder().encodeToString(SecretBox.newKey());
    assertThatThrownBy(() -> publicKey.resolve(null)).hasMessageContaining("private EC P-256");

    IdentityOptions shortKey = IdentityOptions.defaults();
    shortKey.secretsKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> shortKey.resolve(Path.of("unused"))).hasMessageContaining("exactly 32 bytes");

    IdentityOptions badTtl = IdentityOptions.defaults();
    badTtl.jwtTtl = "forever";
    assertThatThrownBy(() -> badTtl.resolve(Path.of("unused"))).hasMessageContaining("--jwt-ttl");
  }

  @Test
  void cognitoModeNeedsAPoolAndDerivesItsJwksUrl() {
    IdentityOptions cognito = IdentityOptions.defaults();
    cognito.authMode = "cognito";
    cognito.secretsKey = Base64.getEncoder().encodeToString(SecretBox.newKey());
    assertThatThrownBy(() -> cognito.resolve(null)).hasMessageContaining("--cognito-issuer and --cognito-client-id");

    cognito.cognitoIssuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc";
    cognito.cognitoClientId = "client";
    IdentityConfig config = cognito.resolve(null);

    assertThat(config.mode()).isEqualTo(AuthMode.COGNITO);
    assertThat(config.cognito().jwksUrl().toString())
        .isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc/.well-known/jwks.json");
  }
}
