package castle.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.internals.Exit;

/**
 * One embedded broker for a whole test JVM, started on first use and stopped when the JVM exits.
 * Starting a broker costs seconds, so tests share this one and keep apart by using their own topic
 * names, application ids and group ids.
 *
 * <p>It also turns a fatal broker fault into an exception, so a broken broker fails the tests that
 * use it instead of killing the test JVM.
 */
public final class SharedBroker {

  private static EmbeddedKafkaBroker broker;
  private static final Deque<AutoCloseable> dependents = new ArrayDeque<>();

  private SharedBroker() {}

  /** The JVM's shared broker, started if it is not yet running. */
  public static synchronized EmbeddedKafkaBroker get() {
    if (broker == null) {
      Exit.setExitProcedure(SharedBroker::refuseExit);
      Exit.setHaltProcedure(SharedBroker::refuseExit);
      // Connect registers a hook that stops it when the JVM exits; racing the broker's, it could stop
      // after the broker and retry it for the rest of the exit, so it runs before the broker instead.
      Exit.setShutdownHookAdder((name, hook) -> closeBeforeBroker(hook::run));
      try {
        Path dir = Files.createTempDirectory("castle-kafka-");
        broker = EmbeddedKafkaBroker.start(BrokerSettings.local(dir));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedKafkaBroker started = broker;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        closeDependents();
        started.close();
        deleteRecursively(started.logDir());
      }, "shared-broker-shutdown"));
    }
    return broker;
  }

  /**
   * Closes {@code dependent} when the JVM exits, before the broker stops, newest first. Shutdown hooks
   * run concurrently, so a Connect worker or Streams app with a hook of its own can find the broker
   * gone and spend the rest of the JVM's exit retrying it.
   */
  public static synchronized void closeBeforeBroker(AutoCloseable dependent) {
    dependents.push(dependent);
  }

  private static void closeDependents() {
    List<AutoCloseable> latestFirst;
    synchronized (SharedBroker.class) {
      latestFirst = new ArrayList<>(dependents);
      dependents.clear();
    }
    for (AutoCloseable dependent : latestFirst) {
      try {
        dependent.close();
      } catch (Exception e) {
        // The JVM is exiting: one dependent failing to close must not keep the others running.
      }
    }
  }

  /** The shared broker's bootstrap servers. */
  public static String bootstrapServers() {
    return get().bootstrapServers();
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is harmless; the JVM is exiting anyway.
    }
  }

  private static void refuseExit(int status, String message) {
    throw new IllegalStateException("Kafka asked to exit the JVM (" + status + "): " + message);
  }
}
