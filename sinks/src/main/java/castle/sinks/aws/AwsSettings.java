package castle.sinks.aws;

import java.net.URI;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * How a connector reaches an AWS service: the region, an optional endpoint (a VPC endpoint, or a local
 * stand-in), and credentials. Without keys the default chain applies: on MSK Connect the connector's
 * service execution role, on EKS the pod's role.
 *
 * @param region the region, or null for the default region chain
 * @param endpoint an endpoint override, or null for the service's public endpoint
 * @param accessKeyId an access key, or null for the default credentials chain
 * @param secretAccessKey the secret of {@code accessKeyId}
 */
public record AwsSettings(String region, URI endpoint, String accessKeyId, Password secretAccessKey) {

  public static final String REGION = "aws.region";
  public static final String ENDPOINT = "aws.endpoint.override";
  public static final String ACCESS_KEY_ID = "aws.access.key.id";
  public static final String SECRET_ACCESS_KEY = "aws.secret.access.key";

  /** Adds the AWS settings to a connector's definition. */
  public static ConfigDef define(ConfigDef def) {
    return def.define(REGION, Type.STRING, "", Importance.HIGH,
            "AWS region; empty for the default region chain (AWS_REGION, the profile, instance metadata).")
        .define(ENDPOINT, Type.STRING, "", Importance.LOW,
            "Endpoint override, such as a VPC endpoint or a local stand-in; empty for the public endpoint.")
        .define(ACCESS_KEY_ID, Type.STRING, "", Importance.LOW,
            "Access key id; empty for the default credentials chain (the MSK Connect or EKS role).")
        .define(SECRET_ACCESS_KEY, Type.PASSWORD, "", Importance.LOW, "Secret of aws.access.key.id.");
  }

  /** Reads the AWS settings. */
  public static AwsSettings from(AbstractConfig config) {
    String endpoint = config.getString(ENDPOINT);
    return new AwsSettings(
        blankToNull(config.getString(REGION)),
        endpoint.isBlank() ? null : URI.create(endpoint),
        blankToNull(config.getString(ACCESS_KEY_ID)),
        config.getPassword(SECRET_ACCESS_KEY));
  }

  /** The credentials: the configured keys, or the default chain. */
  public AwsCredentialsProvider credentials() {
    if (accessKeyId == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey.value()));
  }

  /** Applies region, endpoint, credentials and a pooled HTTP client to a client builder. */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
    if (region != null) {
      builder.region(Region.of(region));
    }
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.credentialsProvider(credentials()).httpClientBuilder(ApacheHttpClient.builder()).build();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
