package castle.bench.load;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends requests on an {@link OpenLoopSchedule} with at most {@code maxInFlight} outstanding. When
 * the target falls behind, requests wait for a free slot but keep their intended start, so their
 * latency includes the wait: a stall shows up in every request it delayed, as users would see it.
 */
public final class LoadGenerator {

  /** One request of the workload; it records its own latency from {@code intendedNanos}. */
  @FunctionalInterface
  public interface Request {
    CompletableFuture<?> send(long index, long intendedNanos);
  }

  /**
   * What a run did.
   *
   * @param scheduled requests due within the run
   * @param sent requests actually sent
   * @param failedToSend requests whose send threw before anything left
   * @param undrained requests still outstanding when the drain timeout ended
   * @param elapsed from the first intended start to the last completion
   */
  public record Result(long scheduled, long sent, long failedToSend, long undrained, Duration elapsed) {

    /** Completed requests per second over the run. */
    public double achievedRate() {
      double seconds = elapsed.toNanos() / 1e9;
      return seconds > 0 ? (sent - undrained) / seconds : 0;
    }
  }

  private final OpenLoopSchedule schedule;
  private final int maxInFlight;
  private final Duration duration;
  private final Duration drainTimeout;

  /** A generator for {@code duration} of load with the given bound on outstanding requests. */
  public LoadGenerator(OpenLoopSchedule schedule, int maxInFlight, Duration duration, Duration drainTimeout) {
    this.schedule = schedule;
    this.maxInFlight = maxInFlight;
    this.duration = duration;
    this.drainTimeout = drainTimeout;
  }

  /** Runs the load on the calling thread and waits for outstanding requests to finish. */
  public Result run(Request request) throws InterruptedException {
    Semaphore slots = new Semaphore(maxInFlight);
    long start = schedule.intendedStart(0);
    long end = start + duration.toNanos();
    long sent = 0;
    long failedToSend = 0;
    long index = 0;
    for (; ; index++) {
      long intended = schedule.intendedStart(index);
      if (intended >= end) {
        break;
      }
      parkUntil(intended);
      slots.acquire();
      try {
        request.send(index, intended).whenComplete((ignored, error) -> slots.release());
        sent++;
      } catch (RuntimeException e) {
        slots.release();
        failedToSend++;
      }
    }
    boolean drained = slots.tryAcquire(maxInFlight, drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
    long undrained = drained ? 0 : maxInFlight - slots.availablePermits();
    return new Result(index, sent, failedToSend, undrained, Duration.ofNanos(System.nanoTime() - start));
  }

  private static void parkUntil(long nanos) {
    long wait;
    while ((wait = nanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }
}
