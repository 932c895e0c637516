package castle.app.identity;

import castle.gateway.identity.IdentityConfig;
import castle.gateway.identity.auth.AuthMode;
import castle.gateway.identity.token.SigningKeys;
import castle.gateway.security.OwnerOnlyFiles;
import castle.gateway.security.SecretBox;
import com.nimbusds.jose.jwk.ECKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * How a gateway authenticates users and protects secrets: Castle's own ES256 tokens or a Cognito
 * user pool's, the key that seals API secrets and TOTP seeds, and the node id of its id generator.
 * Keys can be given inline or as {@code file:PATH}; the local role generates missing ones under its
 * data directory, a production gateway must be given them (the same on every replica).
 */
public final class IdentityOptions {

  /** Sub-folder of the data directory holding locally generated keys. */
  public static final String SECRETS_DIR = "secrets";

  static final String SIGNING_KEY_FILE = "jwt-signing-key.json";
  static final String SECRETS_KEY_FILE = "secrets.key";

  @Option(names = "--auth-mode", defaultValue = "castle",
      description = "castle (Castle's passwords, MFA and ES256 tokens) or cognito (Amazon Cognito ID tokens). Default: ${DEFAULT-VALUE}.")
  String authMode;

  @Option(names = "--jwt-key",
      description = "Private EC P-256 JWK that signs Castle's tokens, inline or as file:PATH. The local role generates one in <data-dir>/secrets.")
  String jwtKey;

  @Option(names = "--jwt-issuer", defaultValue = IdentityConfig.DEFAULT_ISSUER, description = "iss of Castle's tokens. Default: ${DEFAULT-VALUE}.")
  String jwtIssuer;

  @Option(names = "--jwt-ttl", defaultValue = "1h", description = "Lifetime of Castle's tokens, such as 15m or 1h. Default: ${DEFAULT-VALUE}.")
  String jwtTtl;

  @Option(names = "--cognito-issuer", description = "Cognito mode: https://cognito-idp.<region>.amazonaws.com/<user pool id>.")
  String cognitoIssuer;

  @Option(names = "--cognito-jwks-url", description = "Cognito mode: the pool's JWKS (default: <issuer>/.well-known/jwks.json).")
  String cognitoJwksUrl;

  @Option(names = "--cognito-client-id", description = "Cognito mode: the app client ID tokens must be issued for.")
  String cognitoClientId;

  @Option(names = "--cognito-admin-group", description = "Cognito mode: members of this group are Castle admins.")
  String cognitoAdminGroup;

  @Option(names = "--secrets-key",
      description = "Base64 of 32 random bytes sealing API secrets and TOTP seeds (AES-256-GCM), inline or as file:PATH. "
          + "The local role generates one in <data-dir>/secrets.")
  String secretsKey;

  @Option(names = "--node-id", defaultValue = "0", description = "This gateway's id generator node, 0-1023, unique per running gateway. Default: ${DEFAULT-VALUE}.")
  int nodeId;

  /** Options with every default, as the local role uses when started from code. */
  public static IdentityOptions defaults() {
    IdentityOptions options = new IdentityOptions();
    options.authMode = "castle";
    options.jwtIssuer = IdentityConfig.DEFAULT_ISSUER;
    options.jwtTtl = "1h";
    return options;
  }

  /** The authentication mode. */
  public AuthMode mode() {
    try {
      return AuthMode.valueOf(authMode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--auth-mode must be castle or cognito, not " + authMode);
    }
  }

  /**
   * The configuration these options describe.
   *
   * @param localSecrets where to keep generated keys, or null when keys must be given (gateway role)
   */
  public IdentityConfig resolve(Path localSecrets) {
    AuthMode mode = mode();
    ECKey signingKey = null;
    IdentityConfig.Cognito cognito = null;
    if (mode == AuthMode.CASTLE) {
      if (jwtKey != null) {
        signingKey = SigningKeys.parse(valueOrFile(jwtKey));
      } else if (localSecrets != null) {
        signingKey = SigningKeys.loadOrCreate(localSecrets.resolve(SIGNING_KEY_FILE));
      } else {
        throw new IllegalArgumentException("--jwt-key is required: a private EC P-256 JWK, the same on every gateway");
      }
    } else {
      if (cognitoIssuer == null || cognitoClientId == null) {
        throw new IllegalArgumentException("Cognito mode needs --cognito-issuer and --cognito-client-id");
      }
      String jwks = cognitoJwksUrl != null ? cognitoJwksUrl : cognitoIssuer + "/.well-known/jwks.json";
      cognito = new IdentityConfig.Cognito(cognitoIssuer, url(jwks), cognitoClientId, cognitoAdminGroup);
    }
    return new IdentityConfig(
        mode, signingKey, jwtIssuer, duration(jwtTtl), cognito, secretsKey(localSecrets), nodeId,
        IdentityConfig.DEFAULT_COMMAND_TIMEOUT);
  }

  private byte[] secretsKey(Path localSecrets) {
    if (secretsKey != null) {
      return decodeKey(valueOrFile(secretsKey).trim());
    }
    if (localSecrets == null) {
      throw new IllegalArgumentException("--secrets-key is required: base64 of 32 random bytes, the same on every gateway");
    }
    Path file = localSecrets.resolve(SECRETS_KEY_FILE);
    try {
      var existing = OwnerOnlyFiles.read(file);
      if (existing.isPresent()) {
        return decodeKey(existing.get().trim());
      }
      byte[] key = SecretBox.newKey();
      OwnerOnlyFiles.write(file, Base64.getEncoder().encodeToString(key) + "\n");
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write the secrets key at " + file, e);
    }
  }

  private static byte[] decodeKey(String base64) {
    try {
      byte[] key = Base64.getDecoder().decode(base64);
      if (key.length != SecretBox.KEY_BYTES) {
        throw new IllegalArgumentException("--secrets-key must be base64 of exactly 32 bytes");
      }
      return key;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--secrets-key must be base64 of exactly 32 bytes", e);
    }
  }

  private static String valueOrFile(String value) {
    if (!value.startsWith("file:")) {
      return value;
    }
    Path file = Path.of(value.substring("file:".length()));
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static Duration duration(String text) {
    try {
      Duration duration = Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("--jwt-ttl must be positive");
      }
      return duration;
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("--jwt-ttl must look like 15m or 1h, not " + text, e);
    }
  }

  private static URL url(String text) {
    try {
      return URI.create(text).toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a URL: " + text, e);
    }
  }
}
