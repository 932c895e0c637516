package castle.app.streams;

import castle.topology.StreamsTuning;
import picocli.CommandLine.Option;

/** The Streams apps' latency-versus-CPU settings, for the local and streams roles (see StreamsTuning). */
public final class StreamsTuningOptions {

  @Option(
      names = "--commit-interval-ms",
      defaultValue = "10",
      description = "How often each Streams app commits: lower is faster orders, higher is less broker CPU. Default: ${DEFAULT-VALUE}.")
  long commitIntervalMs;

  @Option(
      names = "--producer-linger-ms",
      defaultValue = "5",
      description = "How long Streams producers wait to fill a batch. Default: ${DEFAULT-VALUE}.")
  int producerLingerMs;

  @Option(
      names = "--stream-threads",
      defaultValue = "1",
      description = "Threads per Streams app. Default: ${DEFAULT-VALUE}.")
  int streamThreads;

  /** The tuning these options describe. */
  public StreamsTuning tuning() {
    return new StreamsTuning(commitIntervalMs, producerLingerMs, streamThreads);
  }
}
