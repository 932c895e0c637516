package castle.sinks.jdbc.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Credentials from an AWS Secrets Manager secret in the RDS format ({@code {"username": ...,
 * "password": ...}}), cached for a while and fetched again after the database refuses them, so a
 * rotation is picked up without restarting the connector.
 */
public final class SecretsManagerCredentials implements CredentialSource {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretsManagerClient client;
  private final String secretId;
  private final Duration maxAge;
  private final Clock clock;
  private Credentials cached;
  private Instant fetchedAt = Instant.MIN;

  /** Reads {@code secretId} through {@code client}, caching it for {@code maxAge}. */
  public SecretsManagerCredentials(SecretsManagerClient client, String secretId, Duration maxAge, Clock clock) {
    this.client = client;
    this.secretId = secretId;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  @Override
  public synchronized Credentials current() {
    if (cached == null || clock.instant().isAfter(fetchedAt.plus(maxAge))) {
      cached = parse(client.getSecretValue(b -> b.secretId(secretId)).secretString());
      fetchedAt = clock.instant();
    }
    return cached;
  }

  @Override
  public synchronized void refresh() {
    cached = null;
  }

  private Credentials parse(String secret) {
    try {
      JsonNode node = JSON.readTree(secret);
      if (!node.hasNonNull("username") || !node.hasNonNull("password")) {
        throw new IllegalStateException("Secret " + secretId + " has no username and password fields");
      }
      return new Credentials(node.get("username").asText(), node.get("password").asText());
    } catch (IOException e) {
      throw new UncheckedIOException("Secret " + secretId + " is not JSON", e);
    }
  }
}
