package castle.gateway.binance.auth;

import castle.gateway.api.ApiException;
import castle.gateway.binance.cache.CompactedTopicCache;
import castle.gateway.security.SecretBox;
import castle.schema.users.ApiKeyRecord;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API keys a gateway accepts, from its own copy of the compacted {@code users.apikeys} topic.
 * Secrets stay sealed in memory: one is opened with the {@link SecretBox} only for the moment a
 * signature is checked, then wiped. Nothing here logs a key's secret.
 */
public final class ApiKeyDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyDirectory.class);

  private final CompactedTopicCache<ApiKeyRecord> keys;
  private final SecretBox secrets;

  /** A directory over a cache of {@code users.apikeys}, opening secrets with {@code secrets}. */
  public ApiKeyDirectory(CompactedTopicCache<ApiKeyRecord> keys, SecretBox secrets) {
    this.keys = keys;
    this.secrets = secrets;
  }

  /** The key's record if it exists and is not revoked; -2015 otherwise, 503 before the cache has loaded. */
  public ApiKeyRecord active(String apiKey) {
    ApiKeyRecord key = keys.get(apiKey).orElse(null);
    if (key == null && !keys.isCaughtUp()) {
      throw ApiException.backendUnavailable();
    }
    if (key == null || key.getRevoked()) {
      throw ApiException.invalidApiKey();
    }
    return key;
  }

  /** Whether {@code signatureHex} signs {@code payload} with the key's secret. */
  public boolean verifies(ApiKeyRecord key, byte[] payload, String signatureHex) {
    ByteBuffer sealed = key.getEncryptedSecret().duplicate();
    byte[] sealedBytes = new byte[sealed.remaining()];
    sealed.get(sealedBytes);
    byte[] secret;
    try {
      secret = secrets.open(sealedBytes);
    } catch (IllegalArgumentException e) {
      LOG.error("API key {} cannot be opened: is this gateway configured with the users' secrets key?", key.getApiKey());
      throw ApiException.invalidApiKey();
    }
    try {
      return RequestSignature.matches(secret, payload, signatureHex);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }
}
