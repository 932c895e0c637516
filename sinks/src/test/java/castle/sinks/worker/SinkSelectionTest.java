package castle.sinks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SinkSelectionTest {

  @Test
  void givesEachChosenSinkItsPrefixedSettings() {
    Properties props = new Properties();
    props.put("jdbc.jdbc.url", "jdbc:postgresql://db:5432/castle");
    props.put("dynamodb.aws.region", "eu-west-1");
    props.put("timestream.influxdb.url", "https://influx:8086");

    Map<Sink, Map<String, String>> sinks = SinkSelection.of("jdbc, dynamodb", props);

    assertThat(sinks).containsOnlyKeys(Sink.JDBC, Sink.DYNAMODB);
    assertThat(sinks.get(Sink.JDBC)).containsExactly(Map.entry("jdbc.url", "jdbc:postgresql://db:5432/castle"));
    assertThat(sinks.get(Sink.DYNAMODB)).containsExactly(Map.entry("aws.region", "eu-west-1"));
    assertThat(SinkSelection.of("none", props)).isEmpty();
  }

  @Test
  void anUnknownSinkIsNamedInTheError() {
    assertThatThrownBy(() -> SinkSelection.of("jdbc,kinesis", new Properties()))
        .hasMessageContaining("Unknown sink 'kinesis'").hasMessageContaining("timestream");
  }

  @Test
  void everyConnectorDeadLettersWithContextHeadersAndReadsCastleAvro() {
    Map<String, String> config = ConnectorConfigs.of(Sink.TIMESTREAM, Map.of("tasks.max", "3"), 3);

    assertThat(config).containsEntry("name", "castle-timestream-sink").containsEntry("topics", "market.candles")
        .containsEntry("tasks.max", "3").containsEntry("errors.tolerance", "all")
        .containsEntry("errors.deadletterqueue.topic.name", "sinks.dead-letters")
        .containsEntry("errors.deadletterqueue.context.headers.enable", "true")
        .containsEntry("value.converter", "castle.sinks.convert.CastleAvroConverter");
  }
}
