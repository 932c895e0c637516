package castle.sinks.jdbc;

import castle.sinks.core.CastleSinkTask;
import castle.sinks.core.SinkWriter;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/** Writes trades, orders, ledger entries, users and candles to PostgreSQL. */
public final class JdbcSinkTask extends CastleSinkTask<Row> {

  @Override
  protected ConfigDef configDef() {
    return JdbcSinkConfig.DEF;
  }

  @Override
  protected SinkWriter<Row> openWriter(AbstractConfig config) {
    return new PostgresWriter(ConnectionPools.open("castle-jdbc-sink", config));
  }
}
