package castle.topology;

/**
 * The Streams settings that trade latency against CPU and throughput, which operators tune per
 * deployment (see README, "Performance"). Everything else in {@link StreamsSettings} is fixed.
 *
 * @param commitIntervalMs how often each app commits its transaction. Under exactly-once a record's
 *     results become visible downstream only at the commit, so this bounds each hop's added latency;
 *     every commit also costs the broker a transaction (markers on every partition it touched), so a
 *     shorter interval costs CPU at every rate and a longer one adds latency.
 * @param producerLingerMs how long a Streams producer waits to fill a batch. The commit flushes it
 *     anyway, so a linger beyond the commit interval only adds latency; a few ms batches bursts.
 * @param streamThreads threads per app. More threads process partitions in parallel when cores are
 *     free; on a 2-core laptop running every app, one each avoids contention.
 */
public record StreamsTuning(long commitIntervalMs, int producerLingerMs, int streamThreads) {

  /** The defaults: 10 ms commits, 5 ms linger, one thread per app. */
  public static final StreamsTuning DEFAULT = new StreamsTuning(10, 5, 1);

  /** Refuses values Kafka Streams would refuse later, or that make no sense. */
  public StreamsTuning {
    if (commitIntervalMs < 1 || producerLingerMs < 0 || streamThreads < 1) {
      throw new IllegalArgumentException(
          "Need commit interval >= 1 ms, linger >= 0 ms, threads >= 1; got " + commitIntervalMs + ", "
              + producerLingerMs + ", " + streamThreads);
    }
  }
}
