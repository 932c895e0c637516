package castle.sinks.jdbc.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Aurora IAM tokens and Secrets Manager credentials, as each new pooled connection gets them. */
class CredentialSourcesTest {

  private static final StaticCredentialsProvider AWS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));

  @Test
  void anIamTokenIsAPresignedConnectRequestForTheUserAndEndpoint() {
    IamAuthTokens tokens = new IamAuthTokens(Region.EU_WEST_1, AWS, "castle.cluster-x.eu-west-1.rds.amazonaws.com", 5432, "sink");

    Credentials credentials = tokens.current();

    assertThat(credentials.user()).isEqualTo("sink");
    assertThat(credentials.password()).startsWith("castle.cluster-x.eu-west-1.rds.amazonaws.com:5432/?")
        .contains("Action=connect").contains("DBUser=sink").contains("X-Amz-Signature=")
        .contains("X-Amz-Credential=AKIDEXAMPLE%2F");
    assertThat(credentials.toString()).doesNotContain(credentials.password());
  }

  @Test
  void aSecretIsFetchedOnceUntilItAgesOrTheDatabaseRefusesIt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpServer secretsManager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    secretsManager.createContext("/", exchange -> {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      byte[] body = ("{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:1:secret:castle\",\"Name\":\"castle\","
          + "\"SecretString\":\"{\\\"username\\\":\\\"sink\\\",\\\"password\\\":\\\"pw-" + calls.incrementAndGet()
          + "\\\",\\\"engine\\\":\\\"postgres\\\"}\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders("secretsmanager.GetSecretValue".equals(target) ? 200 : 400, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    secretsManager.start();
    MutableClock clock = new MutableClock();
    try (SecretsManagerClient client = SecretsManagerClient.builder().region(Region.EU_WEST_1).credentialsProvider(AWS)
        .endpointOverride(URI.create("http://127.0.0.1:" + secretsManager.getAddress().getPort())).build()) {
      SecretsManagerCredentials source = new SecretsManagerCredentials(client, "castle", Duration.ofMinutes(5), clock);

      assertThat(source.current()).isEqualTo(new Credentials("sink", "pw-1"));
      assertThat(source.current().password()).isEqualTo("pw-1");
      clock.advance(Duration.ofMinutes(6));
      assertThat(source.current().password()).isEqualTo("pw-2");
      source.refresh();
      assertThat(source.current().password()).isEqualTo("pw-3");
      assertThat(calls).hasValue(3);
    } finally {
      secretsManager.stop(0);
    }
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
