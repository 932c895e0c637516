package castle.sinks.jdbc;

import castle.sinks.core.CastleSinkConnector;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies Castle's topics into PostgreSQL (Aurora in production) as query tables: {@code trades} from
 * market.trades, {@code orders} from orders.executions, {@code ledger} from wallet.ledger, {@code
 * users} from users.events and {@code candles} from market.candles. Every write is an upsert keyed on
 * the natural id, so a redelivery changes nothing. The tables are created by Flyway when the connector
 * starts.
 */
public final class JdbcSinkConnector extends CastleSinkConnector {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcSinkConnector.class);

  @Override
  protected void onStart(Map<String, String> props) {
    AbstractConfig config = new AbstractConfig(JdbcSinkConfig.DEF, props);
    if (!config.getBoolean(JdbcSinkConfig.MIGRATE)) {
      return;
    }
    try (HikariDataSource pool = ConnectionPools.open("castle-jdbc-migrations", config)) {
      int applied = Migrations.migrate(pool);
      LOG.info("PostgreSQL schema is current ({} migrations applied)", applied);
    }
  }

  @Override
  public Class<? extends Task> taskClass() {
    return JdbcSinkTask.class;
  }

  @Override
  public ConfigDef config() {
    return JdbcSinkConfig.DEF;
  }
}
