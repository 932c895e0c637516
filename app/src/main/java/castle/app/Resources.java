package castle.app;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a role has started, closed in reverse order on shutdown: the gateway stops taking requests
 * before the Streams apps commit and close, and those before the broker goes away.
 */
public final class Resources implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Resources.class);

  private record Named(String name, AutoCloseable resource) {}

  private final Deque<Named> started = new ArrayDeque<>();

  /** Registers a started resource and returns it. */
  public synchronized <T extends AutoCloseable> T add(String name, T resource) {
    started.push(new Named(name, resource));
    return resource;
  }

  /** Closes everything, newest first; a failure is logged and does not stop the rest. */
  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      Named next = started.pop();
      long begin = System.nanoTime();
      try {
        next.resource().close();
        LOG.info("Stopped {} in {} ms", next.name(), (System.nanoTime() - begin) / 1_000_000);
      } catch (Exception e) {
        LOG.warn("Failed to stop {} cleanly", next.name(), e);
      }
    }
  }
}
