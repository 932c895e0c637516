package castle.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import castle.gateway.fixture.Http;
import castle.gateway.fixture.IdentityStack;
import castle.gateway.identity.mfa.Totp;
import castle.topics.Topic;
import castle.topics.Topics;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Passwords, access tokens, API secrets and TOTP seeds never appear in a log line or, in plaintext,
 * in a Kafka record, and each secret is shown to its owner once.
 */
class SecretHandlingTest {

  private final IdentityStack stack = IdentityStack.get();
  private final Http http = stack.http();

  @Test
  void secretsStayOutOfLogsAndKafkaAndAreShownOnce() throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logs.start();
    root.addAppender(logs);
    List<String> secrets = new ArrayList<>();
    try {
      String email = IdentityStack.uniqueEmail("sybil");
      String password = "a secret pass phrase " + System.nanoTime();
      secrets.add(password);
      assertThat(http.post("/v1/auth/register", Map.of("email", email, "password", password), null).status()).isEqualTo(200);
      http.post("/v1/auth/login", Map.of("email", email, "password", "wrong " + password), null);
      String token = http.post("/v1/auth/login", Map.of("email", email, "password", password), null).json().get("accessToken").asText();
      secrets.add(token);

      JsonNode enrolled = http.post("/v1/me/mfa/enroll", Map.of(), token).json();
      String seed = enrolled.get("secret").asText();
      secrets.add(seed);
      secrets.add(enrolled.get("enrollmentToken").asText());
      byte[] seedBytes = Base32.decode(seed + "=".repeat((8 - seed.length() % 8) % 8));
      String code = Totp.code(seedBytes, Totp.step(stack.clock().millis()));
      assertThat(http.post("/v1/me/mfa/confirm", Map.of("enrollmentToken", enrolled.get("enrollmentToken").asText(), "code", code), token)
          .status()).isEqualTo(200);

      JsonNode key = http.post("/v1/me/api-keys", Map.of("permission", "TRADE", "mfaCode",
          Totp.code(seedBytes, Totp.step(stack.clock().millis()) + 1)), token).json();
      String apiSecret = key.get("secretKey").asText();
      secrets.add(apiSecret);

      // Shown once: no later answer repeats them.
      for (Http.Response later : List.of(http.get("/v1/me", token), http.get("/v1/me/api-keys", token), http.get("/v1/me/kyc", token))) {
        assertThat(later.body()).doesNotContain(apiSecret).doesNotContain(seed).doesNotContain(password);
      }

      // Not in Kafka, where only the Argon2id hash and sealed values travel.
      String kafka = allRecords(Topics.USER_COMMANDS, Topics.USER_EVENTS, Topics.API_KEYS);
      assertThat(kafka).contains("$argon2id$v=19$m=19456,t=2,p=1$");
      for (String secret : secrets) {
        assertThat(kafka).as("Kafka records").doesNotContain(secret);
      }
      assertThat(kafka).doesNotContain(new String(seedBytes, StandardCharsets.ISO_8859_1));
    } finally {
      root.detachAppender(logs);
    }

    assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
        .as("the audit lines about these secrets")
        .anyMatch(line -> line.contains("turned MFA on"))
        .anyMatch(line -> line.contains("created with TRADE permission"))
        .anyMatch(line -> line.contains("Login refused"));
    for (ILoggingEvent event : logs.list) {
      String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
      for (String secret : secrets) {
        assertThat(line).as("log line").doesNotContain(secret);
      }
    }
  }

  private String allRecords(Topic<?>... topics) {
    Map<String, Object> props = new HashMap<>(stack.kafka());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    StringBuilder all = new StringBuilder();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (Topic<?> topic : topics) {
        consumer.partitionsFor(topic.name()).forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          all.append(new String(record.value(), StandardCharsets.ISO_8859_1)).append('\n');
        }
      }
    }
    return all.toString();
  }
}
