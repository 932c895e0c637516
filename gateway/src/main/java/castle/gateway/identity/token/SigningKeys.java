package castle.gateway.identity.token;

import castle.gateway.security.OwnerOnlyFiles;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * The gateway's token-signing key: an ES256 (P-256) private key as a JWK. A local installation
 * generates one on first start and keeps it in its data directory; a production gateway gets it from
 * configuration, where the deployment puts it from KMS or a secret store, the same on every replica.
 */
public final class SigningKeys {

  private SigningKeys() {}

  /** A new P-256 key whose id is its RFC 7638 thumbprint. */
  public static ECKey generate() {
    try {
      ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
      return new ECKey.Builder(key).keyIDFromThumbprint().build();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate a P-256 key", e);
    }
  }

  /** The private P-256 key in a JWK's JSON; refuses public-only keys and other curves. */
  public static ECKey parse(String json) {
    JWK jwk;
    try {
      jwk = JWK.parse(json);
    } catch (ParseException e) {
      throw new IllegalArgumentException("The JWT signing key is not a valid JWK", e);
    }
    if (!(jwk instanceof ECKey key) || !Curve.P_256.equals(key.getCurve()) || !key.isPrivate()) {
      throw new IllegalArgumentException("The JWT signing key must be a private EC P-256 JWK (ES256)");
    }
    if (key.getKeyID() != null) {
      return key;
    }
    try {
      return new ECKey.Builder(key).keyIDFromThumbprint().build();
    } catch (JOSEException e) {
      throw new IllegalArgumentException("Cannot compute the key's thumbprint", e);
    }
  }

  /** The key kept in {@code file}, generating and saving one (mode 0600) when there is none. */
  public static ECKey loadOrCreate(Path file) {
    try {
      var existing = OwnerOnlyFiles.read(file);
      if (existing.isPresent()) {
        return parse(existing.get());
      }
      ECKey key = generate();
      OwnerOnlyFiles.write(file, key.toJSONString());
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write the JWT signing key at " + file, e);
    }
  }
}
