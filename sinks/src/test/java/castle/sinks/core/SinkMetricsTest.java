package castle.sinks.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.junit.jupiter.api.Test;

/**
 * Several Castle sink tasks in one worker, as {@code castle local} and {@code castle connect} run
 * them: the worker has one metrics registry, and each task gets a {@link PluginMetricsImpl} over it
 * tagged with its connector and task, exactly as Connect builds them.
 */
class SinkMetricsTest {

  @Test
  void eachTaskCountsOnlyItsOwnRecords() throws Exception {
    try (Metrics worker = new Metrics();
        PluginMetricsImpl jdbcPlugin = taskMetrics(worker, "castle-jdbc-sink", 0);
        PluginMetricsImpl dynamoPlugin = taskMetrics(worker, "castle-dynamodb-sink", 0);
        PluginMetricsImpl secondJdbcPlugin = taskMetrics(worker, "castle-jdbc-sink", 1)) {
      SinkMetrics jdbc = new SinkMetrics(jdbcPlugin);
      SinkMetrics dynamo = new SinkMetrics(dynamoPlugin);
      SinkMetrics secondJdbc = new SinkMetrics(secondJdbcPlugin);

      jdbc.written(3);
      jdbc.deadLettered();
      dynamo.written(5);
      dynamo.unchanged(2);
      secondJdbc.retried();

      assertThat(value(worker, "records-written-total", "castle-jdbc-sink", 0)).isEqualTo(3.0);
      assertThat(value(worker, "records-written-total", "castle-dynamodb-sink", 0)).isEqualTo(5.0);
      assertThat(value(worker, "records-written-total", "castle-jdbc-sink", 1)).isZero();
      assertThat(value(worker, "records-unchanged-total", "castle-jdbc-sink", 0)).isZero();
      assertThat(value(worker, "records-unchanged-total", "castle-dynamodb-sink", 0)).isEqualTo(2.0);
      assertThat(value(worker, "records-dead-lettered-total", "castle-jdbc-sink", 0)).isEqualTo(1.0);
      assertThat(value(worker, "records-dead-lettered-total", "castle-dynamodb-sink", 0)).isZero();
      assertThat(value(worker, "write-retries-total", "castle-jdbc-sink", 1)).isEqualTo(1.0);
      assertThat(value(worker, "write-retries-total", "castle-jdbc-sink", 0)).isZero();
    }
  }

  @Test
  void aStoppedTaskTakesOnlyItsOwnMetricsAway() throws Exception {
    try (Metrics worker = new Metrics();
        PluginMetricsImpl dynamoPlugin = taskMetrics(worker, "castle-dynamodb-sink", 0)) {
      PluginMetricsImpl jdbcPlugin = taskMetrics(worker, "castle-jdbc-sink", 0);
      SinkMetrics jdbc = new SinkMetrics(jdbcPlugin);
      SinkMetrics dynamo = new SinkMetrics(dynamoPlugin);
      jdbc.written(1);

      // When the JDBC task stops, Connect closes its plugin metrics
      jdbcPlugin.close();
      dynamo.written(4);
      dynamo.batchWritten(7);

      assertThat(metric(worker, "records-written-total", "castle-jdbc-sink", 0)).isNull();
      assertThat(value(worker, "records-written-total", "castle-dynamodb-sink", 0)).isEqualTo(4.0);
      assertThat(value(worker, "batch-write-time-max", "castle-dynamodb-sink", 0)).isEqualTo(7.0);
    }
  }

  /** A task's plugin metrics as Connect makes them: its connector's and its own id as tags. */
  private static PluginMetricsImpl taskMetrics(Metrics worker, String connector, int task) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("connector", connector);
    tags.put("task", Integer.toString(task));
    return new PluginMetricsImpl(worker, tags);
  }

  private static double value(Metrics worker, String name, String connector, int task) {
    KafkaMetric metric = metric(worker, name, connector, task);
    assertThat(metric).as("%s of %s task %d", name, connector, task).isNotNull();
    return ((Number) metric.metricValue()).doubleValue();
  }

  private static KafkaMetric metric(Metrics worker, String name, String connector, int task) {
    return worker.metrics().entrySet().stream()
        .filter(e -> isOf(e.getKey(), name, connector, task))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  private static boolean isOf(MetricName metric, String name, String connector, int task) {
    return metric.name().equals(name) && connector.equals(metric.tags().get("connector"))
        && Integer.toString(task).equals(metric.tags().get("task"));
  }
}
