package castle.gateway.identity.apikeys;

import castle.gateway.api.ApiException;
import castle.gateway.identity.users.UserCommands;
import castle.gateway.identity.users.UserDirectory;
import castle.gateway.security.SecretBox;
import castle.iq.users.UserProfile;
import castle.schema.users.ApiPermission;
import castle.schema.users.CreateApiKey;
import castle.schema.users.RevokeApiKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, lists and revokes API keys. A key and its secret are 64 random letters and digits, as
 * Binance's; the secret is sealed with the gateway's {@link SecretBox} before it is sent to Kafka and
 * returned to the caller this once. Creation and revocation return when every request this gateway
 * checks already sees the change.
 */
public final class ApiKeys {

  private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

  /** Characters of a key and of a secret. */
  public static final int LENGTH = 64;

  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  /**
   * A new key with its secret, to show once.
   *
   * @param apiKey the key, sent as X-MBX-APIKEY
   * @param secretKey the HMAC secret
   * @param permission READ or TRADE
   * @param label the owner's name for it
   */
  public record CreatedApiKey(String apiKey, String secretKey, ApiPermission permission, String label) {}

  private final SecureRandom random = new SecureRandom();
  private final SecretBox box;
  private final UserCommands commands;
  private final UserDirectory users;
  private final ApiKeyDirectory directory;
  private final Duration timeout;

  /** Keys sealed with {@code box}, visible in {@code directory} within {@code timeout} of creation. */
  public ApiKeys(SecretBox box, UserCommands commands, UserDirectory users, ApiKeyDirectory directory, Duration timeout) {
    this.box = box;
    this.commands = commands;
    this.users = users;
    this.directory = directory;
    this.timeout = timeout;
  }

  /** Creates a key for the user with {@code email}; usable as soon as this returns. */
  public CreatedApiKey create(String email, ApiPermission permission, String label) {
    String apiKey = randomText();
    String secret = randomText();
    byte[] sealed = box.seal(secret.getBytes(StandardCharsets.US_ASCII));
    commands.send(email, new CreateApiKey(apiKey, label, permission, ByteBuffer.wrap(sealed)));
    await(() -> directory.awaitActive(apiKey, timeout));
    LOG.info("API key {} created with {} permission", masked(apiKey), permission);
    return new CreatedApiKey(apiKey, secret, permission, label);
  }

  /** The user's keys, without secrets. */
  public List<UserProfile.ApiKey> list(String email) {
    return users.existing(email).apiKeys();
  }

  /** Revokes one of the user's keys; refused as soon as this returns. */
  public void revoke(String email, String apiKey) {
    commands.send(email, new RevokeApiKey(apiKey));
    await(() -> directory.awaitRevoked(apiKey, timeout));
    LOG.info("API key {} revoked", masked(apiKey));
  }

  /** The key's first characters, enough to tell keys apart in a log. */
  static String masked(String apiKey) {
    return apiKey.substring(0, 8) + "...";
  }

  private String randomText() {
    char[] text = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      text[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(text);
  }

  private interface Wait {
    boolean done() throws InterruptedException;
  }

  private static void await(Wait wait) {
    try {
      if (!wait.done()) {
        throw ApiException.backendTimeout();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.backendTimeout();
    }
  }
}
