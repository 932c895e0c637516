package castle.sinks.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The PostgreSQL processes working on one data directory, found by their {@code -D} option. A server
 * started by {@code pg_ctl} is no child of this JVM once {@code pg_ctl} exits, and its pid file may not
 * be written yet, so neither the process tree nor the pid file finds every one.
 */
final class PostgresProcesses {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
  /** initdb on a slow disk, or pg_ctl waiting for the server to accept connections. */
  private static final Duration TOOLS_TIMEOUT = Duration.ofSeconds(30);

  private PostgresProcesses() {}

  /** The processes (initdb, pg_ctl, the postmaster) running with {@code dataDir} as their data directory. */
  static List<ProcessHandle> using(Path dataDir) {
    String path = dataDir.toAbsolutePath().toString();
    return ProcessHandle.allProcesses()
        .filter(process -> hasDataDirectory(process.info().arguments().orElse(new String[0]), path))
        .toList();
  }

  private static boolean hasDataDirectory(String[] arguments, String path) {
    for (int i = 0; i + 1 < arguments.length; i++) {
      if (arguments[i].equals("-D") && arguments[i + 1].equals(path)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Stops every process on {@code dataDir}. This JVM's own children ({@code initdb}, {@code pg_ctl})
   * are let finish first: {@code pg_ctl} killed halfway can leave the postmaster it forked starting up
   * after the search. The postmasters then get SIGTERM, a smart shutdown, and SIGKILL if that hangs.
   */
  static void stopAll(Path dataDir) {
    List<ProcessHandle> children = ProcessHandle.current().children().toList();
    for (ProcessHandle process : using(dataDir)) {
      if (children.contains(process)) {
        awaitExit(process, TOOLS_TIMEOUT);
      }
    }
    for (ProcessHandle process : using(dataDir)) {
      process.destroy();
      awaitExit(process, STOP_TIMEOUT);
    }
  }

  private static void awaitExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
    }
  }
}
