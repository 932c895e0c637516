package castle.sinks.jdbc.auth;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL data source that asks its {@link CredentialSource} for credentials on every new
 * physical connection, so the pool always presents a current token or secret. When the server refuses
 * the password ({@code 28P01}, as after a rotation), it refreshes the source and tries once more.
 */
public final class CredentialedDataSource extends PGSimpleDataSource {

  private static final String INVALID_PASSWORD = "28P01";

  private final transient CredentialSource credentials;

  /** A data source for {@code url} with credentials from {@code credentials}. */
  public CredentialedDataSource(String url, CredentialSource credentials) {
    this.credentials = credentials;
    setURL(url);
  }

  @Override
  public Connection getConnection() throws SQLException {
    Credentials now = credentials.current();
    try {
      return super.getConnection(now.user(), now.password());
    } catch (SQLException e) {
      if (!INVALID_PASSWORD.equals(e.getSQLState())) {
        throw e;
      }
      credentials.refresh();
      Credentials fresh = credentials.current();
      return super.getConnection(fresh.user(), fresh.password());
    }
  }
}
