package castle.sinks.timestream;

import castle.sinks.core.CastleSinkConnector;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;

/**
 * Copies OHLCV candles from market.candles into a time-series store: Amazon Timestream for InfluxDB
 * through line protocol (the default), or Timestream for LiveAnalytics through WriteRecords. Both keep
 * one point per candle, and the newest emission of a candle wins.
 */
public final class TimestreamSinkConnector extends CastleSinkConnector {

  @Override
  public Class<? extends Task> taskClass() {
    return TimestreamSinkTask.class;
  }

  @Override
  public ConfigDef config() {
    return TimestreamSinkConfig.DEF;
  }
}
