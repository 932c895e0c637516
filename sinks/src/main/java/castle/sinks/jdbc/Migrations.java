package castle.sinks.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and evolves the sink's tables with Flyway. Each connector start applies what is missing; a
 * PostgreSQL advisory lock keeps concurrent starts from racing.
 */
public final class Migrations {

  /** Where the versioned SQL scripts live on the classpath. */
  public static final String LOCATION = "classpath:castle/sinks/db/migration";

  private Migrations() {}

  /** Applies every pending migration and returns how many ran. */
  public static int migrate(DataSource dataSource) {
    MigrateResult result =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations(LOCATION)
            .table("castle_schema_history")
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate();
    return result.migrationsExecuted;
  }
}
