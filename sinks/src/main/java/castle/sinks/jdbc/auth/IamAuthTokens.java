package castle.sinks.jdbc.auth;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsUtilities;

/**
 * Aurora IAM database authentication: each connection presents a fresh token, signed locally with the
 * task's AWS credentials and valid for 15 minutes, instead of a stored password. The database user
 * needs {@code GRANT rds_iam}, the role {@code rds-db:connect}, and the URL {@code sslmode=require}.
 */
public final class IamAuthTokens implements CredentialSource {

  private final RdsUtilities rds;
  private final String host;
  private final int port;
  private final String user;

  /** Tokens for {@code user} at {@code host:port}. */
  public IamAuthTokens(Region region, AwsCredentialsProvider credentials, String host, int port, String user) {
    this.rds = RdsUtilities.builder().region(region).credentialsProvider(credentials).build();
    this.host = host;
    this.port = port;
    this.user = user;
  }

  @Override
  public Credentials current() {
    String token = rds.generateAuthenticationToken(b -> b.hostname(host).port(port).username(user));
    return new Credentials(user, token);
  }
}
