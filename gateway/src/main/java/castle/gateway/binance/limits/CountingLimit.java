package castle.gateway.binance.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts units (request weight, new orders) per subject (an IP, an API key, an account) in one or
 * more fixed windows, with a Bucket4j bucket per subject. A charge that would pass any window's
 * limit is refused whole and counts nothing.
 */
final class CountingLimit {

  /**
   * The outcome of a charge.
   *
   * @param allowed whether the units were counted
   * @param used units counted so far in each window, in the limit's window order
   * @param retryAfterNanos when refused, how long until the charge could pass
   */
  record Charge(boolean allowed, long[] used, long retryAfterNanos) {}

  private final List<Window> windows;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  CountingLimit(List<Window> windows) {
    this.windows = List.copyOf(windows);
  }

  /** The limit's windows. */
  List<Window> windows() {
    return windows;
  }

  /** Counts {@code units} against {@code subject}, if every window allows it. */
  Charge charge(String subject, long units) {
    Bucket bucket = buckets.computeIfAbsent(subject, s -> newBucket());
    VerboseResult<ConsumptionProbe> result = bucket.asVerbose().tryConsumeAndReturnRemaining(units);
    long[] available = result.getDiagnostics().getAvailableTokensPerEachBandwidth();
    long[] used = new long[windows.size()];
    for (int i = 0; i < used.length; i++) {
      used[i] = windows.get(i).limit() - available[i];
    }
    ConsumptionProbe probe = result.getValue();
    return new Charge(probe.isConsumed(), used, probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill());
  }

  /**
   * Forgets subjects that have counted nothing in any current window, so memory follows activity. A
   * charge racing the removal may be forgotten with it: at most one request's units, once.
   */
  void forgetIdle() {
    buckets.entrySet().removeIf(entry -> isIdle(entry.getValue()));
  }

  /** How many subjects are tracked. */
  int size() {
    return buckets.size();
  }

  private boolean isIdle(Bucket bucket) {
    long[] available = bucket.asVerbose().getAvailableTokens().getDiagnostics().getAvailableTokensPerEachBandwidth();
    for (int i = 0; i < available.length; i++) {
      if (available[i] < windows.get(i).limit()) {
        return false;
      }
    }
    return true;
  }

  private Bucket newBucket() {
    long now = System.currentTimeMillis();
    LocalBucketBuilder builder = Bucket.builder();
    windows.forEach(window -> builder.addLimit(window.bandwidth(now)));
    return builder.build();
  }
}
