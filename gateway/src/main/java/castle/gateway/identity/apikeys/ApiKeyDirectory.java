package castle.gateway.identity.apikeys;

import castle.gateway.kafka.KafkaClients;
import castle.gateway.kafka.TopicTable;
import castle.gateway.security.SecretBox;
import castle.schema.users.ApiKeyRecord;
import castle.schema.users.ApiPermission;
import castle.topics.Topics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

/**
 * Every API key, as each gateway needs them to check signed requests: the compacted users.apikeys
 * topic read into memory. A key shows up here moments after the users topology commits it, and its
 * revocation likewise; creating or revoking a key returns only once this directory reflects it.
 */
public final class ApiKeyDirectory implements AutoCloseable {

  /**
   * An active key with its secret opened, for checking a request's HMAC signature.
   *
   * @param apiKey the key
   * @param userId its owner, also the account id
   * @param email its owner's email
   * @param permission READ or TRADE
   * @param secret the HMAC secret's bytes (ASCII); never log or return it
   */
  public record ActiveApiKey(String apiKey, long userId, String email, ApiPermission permission, byte[] secret) {}

  private final TopicTable<ApiKeyRecord> keys;
  private final SecretBox box;

  private ApiKeyDirectory(TopicTable<ApiKeyRecord> keys, SecretBox box) {
    this.keys = keys;
    this.box = box;
  }

  /** Starts reading users.apikeys from the beginning; secrets open with {@code box}. */
  public static ApiKeyDirectory start(KafkaClients clients, SecretBox box) {
    return new ApiKeyDirectory(TopicTable.start(clients, Topics.API_KEYS), box);
  }

  /** The key's record, revoked or not. */
  public Optional<ApiKeyRecord> find(String apiKey) {
    return keys.get(apiKey);
  }

  /** The key's record if it exists and is not revoked. */
  public Optional<ApiKeyRecord> active(String apiKey) {
    return find(apiKey).filter(record -> !record.getRevoked());
  }

  /** The key, if active, with its secret opened. */
  public Optional<ActiveApiKey> activeWithSecret(String apiKey) {
    return active(apiKey).map(record -> new ActiveApiKey(
        record.getApiKey(), record.getUserId(), record.getEmail(), record.getPermission(), open(record.getEncryptedSecret())));
  }

  private byte[] open(ByteBuffer sealed) {
    byte[] bytes = new byte[sealed.remaining()];
    sealed.duplicate().get(bytes);
    return box.open(bytes);
  }

  /** Waits until the key is active here; false on timeout. */
  public boolean awaitActive(String apiKey, Duration timeout) throws InterruptedException {
    return keys.awaitValue(apiKey, record -> !record.getRevoked(), timeout);
  }

  /** Waits until the key is revoked here; false on timeout. */
  public boolean awaitRevoked(String apiKey, Duration timeout) throws InterruptedException {
    return keys.awaitValue(apiKey, ApiKeyRecord::getRevoked, timeout);
  }

  /** Why keys cannot be checked yet (still loading), or empty. */
  public Optional<String> problem() {
    return keys.problem();
  }

  @Override
  public void close() {
    keys.close();
  }
}
