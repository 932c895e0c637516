package castle.sinks.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A stand-in server run as a child process on a free port, with its output in a log file under
 * {@code target/}. It is stopped when the test JVM exits, or earlier by a test that takes the store away.
 */
public final class ChildProcess {

  private final Process process;
  private final int port;

  private ChildProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts {@code command} in {@code dir} and waits until it listens on {@code port}. */
  public static ChildProcess start(String name, List<String> command, Path dir, Map<String, String> env, int port) {
    Path log = Path.of("target", name + "-" + port + ".log").toAbsolutePath();
    // Appended, so a stand-in restarted on the same port keeps the log of its first life.
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name + " (" + command.get(0) + ")", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-shutdown"));
    try {
      FreePorts.awaitListening(port, Duration.ofSeconds(30), process, name + " (log: " + log + ")");
    } catch (RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
    return new ChildProcess(process, port);
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** Its base URL. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Whether it still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Terminates it, as an outage of the store would, and waits until it is gone. */
  public void stop() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping a stand-in", e);
    }
  }
}
