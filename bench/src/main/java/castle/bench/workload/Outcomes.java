package castle.bench.workload;

import castle.bench.stats.ErrorCounts;
import castle.bench.stats.LatencyChannel;

/**
 * Where the workload records what happened: latencies per kind of request, failures by code, and
 * the expected business outcomes that are not failures (a cancel that lost the race against a fill
 * is answered -2011, as on any exchange).
 *
 * @param ack latencies of orders answered with ACK
 * @param full latencies of orders answered with FULL
 * @param cancel latencies of cancels
 * @param errors failures by kind
 * @param expected outcomes that are correct answers, not failures
 */
public record Outcomes(
    LatencyChannel ack, LatencyChannel full, LatencyChannel cancel, ErrorCounts errors, ErrorCounts expected) {

  /** Fresh channels and counters. */
  public static Outcomes create() {
    return new Outcomes(new LatencyChannel("ack"), new LatencyChannel("full"), new LatencyChannel("cancel"),
        new ErrorCounts(), new ErrorCounts());
  }
}
