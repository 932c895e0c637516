package castle.sinks.jdbc;

import castle.sinks.aws.AwsSettings;
import castle.sinks.jdbc.auth.CredentialSource;
import castle.sinks.jdbc.auth.CredentialedDataSource;
import castle.sinks.jdbc.auth.Credentials;
import castle.sinks.jdbc.auth.IamAuthTokens;
import castle.sinks.jdbc.auth.SecretsManagerCredentials;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigException;
import org.postgresql.Driver;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Opens the HikariCP pool of a JDBC sink with the configured way of authenticating. */
public final class ConnectionPools {

  private static final Duration SECRET_MAX_AGE = Duration.ofMinutes(5);

  private ConnectionPools() {}

  /** A pool named {@code name} for the parsed JDBC sink configuration. */
  public static HikariDataSource open(String name, AbstractConfig config) {
    String url = config.getString(JdbcSinkConfig.URL);
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setDataSource(new CredentialedDataSource(url, credentials(url, config)));
    hikari.setMaximumPoolSize(config.getInt(JdbcSinkConfig.POOL_MAX_SIZE));
    hikari.setMinimumIdle(1);
    // Fail a write fast when the database is away; the task retries with backoff instead of blocking.
    hikari.setConnectionTimeout(10_000);
    // Below Aurora IAM tokens' 15 minutes is not needed (a token is checked only at login), but
    // recycling connections every 10 minutes follows a failover to the new writer.
    hikari.setMaxLifetime(Duration.ofMinutes(10).toMillis());
    hikari.setIdleTimeout(Duration.ofMinutes(2).toMillis());
    // Do not fail at start when the database is not up yet: the first write retries instead.
    hikari.setInitializationFailTimeout(-1);
    return new HikariDataSource(hikari);
  }

  private static CredentialSource credentials(String url, AbstractConfig config) {
    AwsSettings aws = AwsSettings.from(config);
    String user = config.getString(JdbcSinkConfig.USER);
    switch (config.getString(JdbcSinkConfig.AUTH)) {
      case JdbcSinkConfig.AUTH_AWS_IAM -> {
        Properties parsed = Driver.parseURL(url, null);
        if (parsed == null || user.isBlank()) {
          throw new ConfigException("aws-iam auth needs a valid " + JdbcSinkConfig.URL + " and " + JdbcSinkConfig.USER);
        }
        Region region = aws.region() != null ? Region.of(aws.region()) : DefaultAwsRegionProviderChain.builder().build().getRegion();
        String host = parsed.getProperty("PGHOST").split(",")[0];
        int port = Integer.parseInt(parsed.getProperty("PGPORT").split(",")[0]);
        return new IamAuthTokens(region, aws.credentials(), host, port, user);
      }
      case JdbcSinkConfig.AUTH_SECRETS_MANAGER -> {
        String secretId = config.getString(JdbcSinkConfig.SECRET_ID);
        if (secretId.isBlank()) {
          throw new ConfigException(JdbcSinkConfig.SECRET_ID, secretId, "secrets-manager auth needs a secret");
        }
        SecretsManagerClient client = aws.build(SecretsManagerClient.builder());
        return new SecretsManagerCredentials(client, secretId, SECRET_MAX_AGE, Clock.systemUTC());
      }
      default -> {
        Credentials fixed = new Credentials(user, config.getPassword(JdbcSinkConfig.PASSWORD).value());
        return () -> fixed;
      }
    }
  }
}
