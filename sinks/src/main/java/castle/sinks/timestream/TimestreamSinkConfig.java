package castle.sinks.timestream;

import castle.sinks.aws.AwsSettings;
import castle.sinks.core.SinkSettings;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/** The Timestream sink's settings: which Timestream, and where. */
public final class TimestreamSinkConfig {

  public static final String TARGET = "timestream.target";
  public static final String INFLUX_URL = "influxdb.url";
  public static final String INFLUX_API = "influxdb.api";
  public static final String INFLUX_ORG = "influxdb.org";
  public static final String INFLUX_BUCKET = "influxdb.bucket";
  public static final String INFLUX_TOKEN = "influxdb.token";
  public static final String MEASUREMENT = "timestream.measurement";
  public static final String DATABASE = "timestream.database";
  public static final String TABLE = "timestream.table";

  /** Amazon Timestream for InfluxDB, through InfluxDB line protocol over HTTP. */
  public static final String TARGET_INFLUXDB = "influxdb";
  /** Amazon Timestream for LiveAnalytics, through WriteRecords. */
  public static final String TARGET_LIVE_ANALYTICS = "liveanalytics";

  /** InfluxDB 2 write API ({@code /api/v2/write}, org and bucket), as Timestream for InfluxDB serves. */
  public static final String API_V2 = "v2";
  /** InfluxDB 1 write API ({@code /write?db=}), also served by InfluxDB 2 for compatibility. */
  public static final String API_V1 = "v1";

  /** Timestream for LiveAnalytics' limit of records in one WriteRecords. */
  public static final int WRITE_RECORDS_LIMIT = 100;

  /** Every setting of the Timestream sink. */
  public static final ConfigDef DEF = define();

  private TimestreamSinkConfig() {}

  private static ConfigDef define() {
    ConfigDef def = new ConfigDef()
        .define(TARGET, Type.STRING, TARGET_INFLUXDB, ValidString.in(TARGET_INFLUXDB, TARGET_LIVE_ANALYTICS),
            Importance.HIGH, "influxdb (Timestream for InfluxDB, the default) or liveanalytics (WriteRecords,"
                + " for accounts that already use Timestream for LiveAnalytics).")
        .define(INFLUX_URL, Type.STRING, "", Importance.HIGH,
            "InfluxDB endpoint, such as https://<id>.timestream-influxdb.<region>.on.aws:8086.")
        .define(INFLUX_API, Type.STRING, API_V2, ValidString.in(API_V2, API_V1), Importance.MEDIUM,
            "Write API: v2 (/api/v2/write with org and bucket) or v1 (/write?db=<bucket>).")
        .define(INFLUX_ORG, Type.STRING, "", Importance.MEDIUM, "InfluxDB organization (v2 API).")
        .define(INFLUX_BUCKET, Type.STRING, "castle", Importance.HIGH,
            "InfluxDB bucket (v2), or database (v1; a db/rp pair selects a retention policy).")
        .define(INFLUX_TOKEN, Type.PASSWORD, "", Importance.HIGH,
            "InfluxDB API token (sent as 'Authorization: Token ...'); keep it in a config provider.")
        .define(MEASUREMENT, Type.STRING, "candles", Importance.LOW,
            "Measurement (InfluxDB) or measure name (LiveAnalytics) of the candles.")
        .define(DATABASE, Type.STRING, "castle", Importance.MEDIUM, "Timestream for LiveAnalytics database.")
        .define(TABLE, Type.STRING, "candles", Importance.MEDIUM, "Timestream for LiveAnalytics table.");
    AwsSettings.define(def);
    // InfluxDB recommends batches of about 5,000 lines.
    return SinkSettings.define(def, 5_000, 50_000);
  }
}
