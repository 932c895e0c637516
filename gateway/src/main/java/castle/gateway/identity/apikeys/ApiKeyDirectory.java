package castle.gateway.identity.apikeys;

import castle.gateway.kafka.TopicTable;
import castle.schema.users.ApiKeyRecord;
import castle.topics.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Every API key, as each gateway needs them to check signed requests: the compacted users.apikeys
 * topic read into memory. A key shows up here moments after the users topology commits it, and its
 * revocation likewise; creating or revoking a key returns only once this directory reflects it.
 */
public final class ApiKeyDirectory implements AutoCloseable {

  private final TopicTable<ApiKeyRecord> keys;

  private ApiKeyDirectory(TopicTable<ApiKeyRecord> keys) {
    this.keys = keys;
  }

  /** Starts reading users.apikeys from the beginning. */
  public static ApiKeyDirectory start(Map<String, Object> kafkaProperties) {
    return new ApiKeyDirectory(TopicTable.start(kafkaProperties, Topics.API_KEYS));
  }

  /** The key's record, revoked or not. */
  public Optional<ApiKeyRecord> find(String apiKey) {
    return keys.get(apiKey);
  }

  /** The key's record if it exists and is not revoked. */
  public Optional<ApiKeyRecord> active(String apiKey) {
    return find(apiKey).filter(record -> !record.getRevoked());
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
