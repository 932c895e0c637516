package castle.iq;

import java.time.Duration;
import java.util.function.Supplier;

/** Retries an attempt while state is unavailable, with exponential backoff, within a time budget. */
final class Retry {

  private static final long FIRST_BACKOFF_MS = 25;
  private static final long MAX_BACKOFF_MS = 400;

  private Retry() {}

  /** The first successful attempt; the last {@link StoreUnavailableException} once time is up. */
  static <T> T within(Duration budget, Supplier<T> attempt) {
    long deadline = System.nanoTime() + budget.toNanos();
    long backoffMs = FIRST_BACKOFF_MS;
    while (true) {
      try {
        return attempt.get();
      } catch (StoreUnavailableException e) {
        if (System.nanoTime() + backoffMs * 1_000_000 > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(backoffMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreUnavailableException("interrupted while waiting for state to settle");
      }
      backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    }
  }
}
