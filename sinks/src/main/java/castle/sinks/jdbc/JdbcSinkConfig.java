package castle.sinks.jdbc;

import castle.sinks.aws.AwsSettings;
import castle.sinks.core.SinkSettings;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/** The JDBC sink's settings: where PostgreSQL is, how to authenticate, and the pool. */
public final class JdbcSinkConfig {

  public static final String URL = "jdbc.url";
  public static final String USER = "jdbc.user";
  public static final String PASSWORD = "jdbc.password";
  public static final String AUTH = "jdbc.auth";
  public static final String SECRET_ID = "jdbc.secret.id";
  public static final String POOL_MAX_SIZE = "jdbc.pool.max.size";
  public static final String MIGRATE = "jdbc.migrate";

  /** A fixed user and password. */
  public static final String AUTH_PASSWORD = "password";
  /** Aurora IAM database authentication tokens. */
  public static final String AUTH_AWS_IAM = "aws-iam";
  /** User and password from an AWS Secrets Manager secret. */
  public static final String AUTH_SECRETS_MANAGER = "secrets-manager";

  /** Every setting of the JDBC sink. */
  public static final ConfigDef DEF = define();

  private JdbcSinkConfig() {}

  private static ConfigDef define() {
    ConfigDef def = new ConfigDef()
        .define(URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
            "PostgreSQL JDBC URL, for Aurora the cluster (writer) endpoint: jdbc:postgresql://host:5432/castle?sslmode=require")
        .define(AUTH, Type.STRING, AUTH_PASSWORD, ValidString.in(AUTH_PASSWORD, AUTH_AWS_IAM, AUTH_SECRETS_MANAGER),
            Importance.HIGH, "How to authenticate: password, aws-iam (Aurora IAM tokens) or secrets-manager.")
        .define(USER, Type.STRING, "", Importance.HIGH, "Database user (password and aws-iam).")
        .define(PASSWORD, Type.PASSWORD, "", Importance.HIGH, "Database password (password auth only).")
        .define(SECRET_ID, Type.STRING, "", Importance.HIGH,
            "Secrets Manager secret name or ARN holding {\"username\",\"password\"} (secrets-manager auth).")
        .define(POOL_MAX_SIZE, Type.INT, 2, Range.between(1, 64), Importance.LOW,
            "Connections per task; a task writes one batch at a time, so two are plenty.")
        .define(MIGRATE, Type.BOOLEAN, true, Importance.MEDIUM,
            "Apply the Flyway migrations when the connector starts. Turn off where a deployment pipeline migrates.");
    AwsSettings.define(def);
    return SinkSettings.define(def, 500, 10_000);
  }
}
