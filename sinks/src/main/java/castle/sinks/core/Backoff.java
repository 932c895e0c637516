package castle.sinks.core;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: attempt n waits between half and all of {@code initial × 2^n},
 * capped at {@code max}, so tasks that failed together do not retry in lockstep.
 *
 * @param initialMs the first delay
 * @param maxMs the longest delay
 */
public record Backoff(long initialMs, long maxMs) {

  /** The delay before retry number {@code attempt} (0 for the first retry). */
  public long delayMs(int attempt) {
    long ceiling = Math.min(maxMs, initialMs << Math.min(attempt, 30));
    return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
  }
}
