package castle.app;

import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.utils.internals.Exit;

/** Runs a long-lived role until the process is told to stop (SIGTERM or Ctrl-C). */
public final class Roles {

  /** Starts a role's parts into the given resources. */
  @FunctionalInterface
  public interface Starter {
    void start() throws Exception;
  }

  private Roles() {}

  /**
   * Starts the role, then blocks until shutdown; the shutdown hook closes every resource, newest
   * first. A failure while starting closes what had started and is rethrown.
   */
  public static int runUntilStopped(Resources resources, Starter starter) throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              resources.close();
              stopped.countDown();
            },
            "castle-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    // Connect registers a hook of its own that would stop it alongside ours, in no order: then our
    // close returns while Connect still stops, and the broker goes away under it. Ours stops it in turn.
    Exit.setShutdownHookAdder((name, ignored) -> { });
    try {
      starter.start();
    } catch (Exception | Error e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      resources.close();
      throw e;
    }
    stopped.await();
    return 0;
  }
}
