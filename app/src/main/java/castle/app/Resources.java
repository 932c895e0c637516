package castle.app;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a role has started, closed in reverse order on shutdown: the gateway stops taking requests
 * before the Streams apps commit and close, and those before the broker goes away. A resource that
 * needs just one other (the sinks, which only copy what the broker holds) stops on a thread of its
 * own from the first moment, and only that other waits for it.
 */
public final class Resources implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Resources.class);

  /** {@code needed} is null for a resource stopped in turn. */
  private record Named(String name, AutoCloseable resource, AutoCloseable needed) {}

  private final Deque<Named> started = new ArrayDeque<>();

  /** Registers a started resource and returns it. */
  public synchronized <T extends AutoCloseable> T add(String name, T resource) {
    started.push(new Named(name, resource, null));
    return resource;
  }

  /**
   * Registers a started resource that needs only {@code needed}, registered before it: shutdown stops
   * it alongside the rest instead of after them, so it is as slow as its slowest part, not the sum.
   */
  public synchronized <T extends AutoCloseable> T addNeedingOnly(String name, T resource, AutoCloseable needed) {
    started.push(new Named(name, resource, needed));
    return resource;
  }

  /** Closes everything, newest first; a failure is logged and does not stop the rest. */
  @Override
  public synchronized void close() {
    List<Named> newestFirst = new ArrayList<>(started);
    started.clear();
    Map<Named, CompletableFuture<Void>> alongside = new LinkedHashMap<>();
    for (Named named : newestFirst) {
      if (named.needed() != null) {
        alongside.put(named, CompletableFuture.runAsync(() -> stop(named),
            runnable -> new Thread(runnable, "stop-" + named.name()).start()));
      }
    }
    for (Named named : newestFirst) {
      if (named.needed() == null) {
        alongside.forEach((other, stopped) -> {
          if (other.needed() == named.resource()) {
            stopped.join();
          }
        });
        stop(named);
      }
    }
    alongside.values().forEach(CompletableFuture::join);
  }

  private static void stop(Named named) {
    long begin = System.nanoTime();
    try {
      named.resource().close();
      LOG.info("Stopped {} in {} ms", named.name(), (System.nanoTime() - begin) / 1_000_000);
    } catch (Exception e) {
      LOG.warn("Failed to stop {} cleanly", named.name(), e);
    }
  }
}
