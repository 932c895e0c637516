package castle.sinks.core;

import java.util.LinkedHashMap;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Rate;

/**
 * A sink task's own metrics, registered through Connect's plugin metrics, so they appear beside the
 * worker's sink-task metrics (JMX, and any {@code metric.reporters}) tagged with connector and task.
 * Operators watch dead-lettered records and retries; the unchanged count shows redeliveries that the
 * idempotent writes absorbed.
 *
 * <p>Connect tags a task's metrics with its connector and task, but sensors live in the worker's one
 * registry under their bare names, and asking for a name that exists returns the existing sensor. So
 * each sensor's name carries the task's tags too: otherwise every Castle task in a worker would
 * record into the same sensors, each task's metrics would count all of them, and the first task to
 * stop would take the others' metrics away with its sensors.
 */
public final class SinkMetrics {

  private final Sensor written;
  private final Sensor unchanged;
  private final Sensor skipped;
  private final Sensor deadLettered;
  private final Sensor retries;
  private final Sensor batchTime;

  /** Registers the metrics; {@code metrics} may be null where the runtime offers none. */
  public SinkMetrics(PluginMetrics metrics) {
    String scope = metrics == null ? "" : scope(metrics);
    written = counter(metrics, scope, "records-written", "Records whose write changed the store", true);
    unchanged = counter(metrics, scope, "records-unchanged", "Records the store already had or held newer data for", false);
    skipped = counter(metrics, scope, "records-skipped", "Records with nothing to store", false);
    deadLettered = counter(metrics, scope, "records-dead-lettered", "Poison records sent to the dead-letter topic", false);
    retries = counter(metrics, scope, "write-retries", "Batch writes retried after a transient failure", false);
    batchTime = metrics == null ? null : metrics.addSensor(scope + "batch-write-time");
    if (batchTime != null) {
      batchTime.add(metrics.metricName("batch-write-time-avg", "Average time of one batch write, ms", tags()), new Avg());
      batchTime.add(metrics.metricName("batch-write-time-max", "Longest batch write, ms", tags()), new Max());
    }
  }

  void written(int count) {
    record(written, count);
  }

  void unchanged(int count) {
    record(unchanged, count);
  }

  void skipped() {
    record(skipped, 1);
  }

  void deadLettered() {
    record(deadLettered, 1);
  }

  void retried() {
    record(retries, 1);
  }

  void batchWritten(long millis) {
    record(batchTime, millis);
  }

  private static void record(Sensor sensor, double value) {
    if (sensor != null) {
      sensor.record(value);
    }
  }

  /**
   * The prefix that makes this task's sensor names its own: the tags Connect gives its metrics
   * (connector and task), read from a metric name, which registers nothing.
   */
  private static String scope(PluginMetrics metrics) {
    MetricName any = metrics.metricName("scope", "", tags());
    return String.join(".", any.tags().values()) + ".";
  }

  private static Sensor counter(PluginMetrics metrics, String scope, String name, String description, boolean withRate) {
    if (metrics == null) {
      return null;
    }
    Sensor sensor = metrics.addSensor(scope + name);
    sensor.add(metrics.metricName(name + "-total", description, tags()), new CumulativeSum());
    if (withRate) {
      sensor.add(metrics.metricName(name + "-rate", description + ", per second", tags()), new Rate());
    }
    return sensor;
  }

  private static LinkedHashMap<String, String> tags() {
    return new LinkedHashMap<>();
  }
}
