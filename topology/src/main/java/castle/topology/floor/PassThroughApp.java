package castle.topology.floor;

import castle.topology.StreamsApp;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The latency floor: one exactly-once hop that copies bytes from one topic to another, with Castle's
 * settings and nothing else. The load harness compares the order pipeline against it, so a report
 * can say how much of a latency figure is Kafka's and how much is Castle's.
 */
public final class PassThroughApp implements StreamsApp {

  private final String input;
  private final String output;

  /** A hop from {@code input} to {@code output}. */
  public PassThroughApp(String input, String output) {
    this.input = input;
    this.output = output;
  }

  @Override
  public String name() {
    return "floor";
  }

  @Override
  public Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    builder
        .stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    return builder.build();
  }
}
