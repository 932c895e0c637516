package castle.sinks.timestream;

import castle.schema.market.Candle;
import castle.sinks.aws.AwsSettings;
import castle.sinks.core.CastleSinkTask;
import castle.sinks.core.SinkWriter;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import software.amazon.awssdk.services.timestreamwrite.TimestreamWriteClient;

/** Writes candles from market.candles to Timestream for InfluxDB or for LiveAnalytics. */
public final class TimestreamSinkTask extends CastleSinkTask<Candle> {

  @Override
  protected ConfigDef configDef() {
    return TimestreamSinkConfig.DEF;
  }

  @Override
  protected SinkWriter<Candle> openWriter(AbstractConfig config) {
    String measurement = config.getString(TimestreamSinkConfig.MEASUREMENT);
    if (TimestreamSinkConfig.TARGET_LIVE_ANALYTICS.equals(config.getString(TimestreamSinkConfig.TARGET))) {
      AwsSettings aws = AwsSettings.from(config);
      // With an endpoint override (a VPC endpoint or a stand-in) endpoint discovery must be off, or
      // the client would ask the override for the cell endpoints and then leave it.
      TimestreamWriteClient client = aws.build(TimestreamWriteClient.builder().endpointDiscoveryEnabled(aws.endpoint() == null));
      return new LiveAnalyticsWriter(client, config.getString(TimestreamSinkConfig.DATABASE),
          config.getString(TimestreamSinkConfig.TABLE), measurement);
    }
    String url = config.getString(TimestreamSinkConfig.INFLUX_URL);
    if (url.isBlank()) {
      throw new ConfigException(TimestreamSinkConfig.INFLUX_URL, url, "the InfluxDB endpoint is required");
    }
    return new InfluxLineProtocolWriter(url,
        TimestreamSinkConfig.API_V2.equals(config.getString(TimestreamSinkConfig.INFLUX_API)),
        config.getString(TimestreamSinkConfig.INFLUX_ORG), config.getString(TimestreamSinkConfig.INFLUX_BUCKET),
        config.getPassword(TimestreamSinkConfig.INFLUX_TOKEN).value(), measurement);
  }
}
