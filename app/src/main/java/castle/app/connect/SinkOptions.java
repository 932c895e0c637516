package castle.app.connect;

import castle.sinks.worker.Sink;
import castle.sinks.worker.SinkSelection;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which of Castle's sinks a role runs, and the file with their settings. */
public final class SinkOptions {

  @Option(names = "--sinks", description = "Sinks to run, comma-separated: jdbc, dynamodb, timestream, notifications,"
      + " or none. Default: jdbc in local, none in connect.")
  String sinks;

  @Option(names = "--sink-config", description = "A properties file of sink settings, each key prefixed with its"
      + " sink: jdbc.jdbc.url=..., dynamodb.aws.region=..., timestream.influxdb.url=...")
  Path sinkConfig;

  /** The sinks to run, or {@code fallback} when --sinks was not given. */
  public String enabled(String fallback) {
    return sinks == null ? fallback : sinks;
  }

  /** The sink settings file, or null. */
  public Path settingsFile() {
    return sinkConfig;
  }

  /** The chosen sinks with their settings; {@code fallback} names them when --sinks was not given. */
  public Map<Sink, Map<String, String>> selection(String fallback) {
    return SinkSelection.of(enabled(fallback), sinkConfig);
  }
}
