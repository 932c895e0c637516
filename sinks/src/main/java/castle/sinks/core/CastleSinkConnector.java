package castle.sinks.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * What every Castle connector shares: it validates its configuration and hands the same
 * configuration to each task, since tasks split the work by topic partition.
 */
public abstract class CastleSinkConnector extends SinkConnector {

  /** The version every Castle connector and task reports. */
  public static final String VERSION = "0.1.0";

  private Map<String, String> props;

  @Override
  public void start(Map<String, String> props) {
    SinkSettings.parse(config(), props);
    this.props = Map.copyOf(props);
    onStart(props);
  }

  /** Work the connector does once before its tasks start, such as schema migrations. */
  protected void onStart(Map<String, String> props) {}

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<Map<String, String>> configs = new ArrayList<>(maxTasks);
    for (int i = 0; i < maxTasks; i++) {
      configs.add(props);
    }
    return configs;
  }

  @Override
  public void stop() {}

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public abstract ConfigDef config();
}
