package castle.app.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code castle local} as an operator runs it: its own JVM, stopped by SIGTERM. The stop comes right
 * after the banner, while the sinks (Connect and the embedded PostgreSQL) are still starting in the
 * background, the moment most likely to leave a child process behind.
 */
class LocalProcessTest {

  private static final Duration STOP_BOUND = Duration.ofSeconds(10);

  @Test
  void sigtermRightAfterTheBannerStopsWithinTenSecondsAndLeavesNoProcessBehind(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Path log = dir.resolve("castle.log");
    Process castle = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), "castle.app.Castle",
        "local", "--data-dir", data.toString(), "--port", "0", "--kafka-port", "0"))
        .redirectErrorStream(true)
        .start();
    CompletableFuture<Void> banner = logUntilBanner(castle, log);
    try {
      banner.get(90, TimeUnit.SECONDS);

      long stopping = System.nanoTime();
      castle.destroy();
      boolean exited = castle.waitFor(STOP_BOUND.toSeconds(), TimeUnit.SECONDS);
      Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);

      assertThat(exited).as("castle local exits within %s of SIGTERM; its log ends:%n%s", STOP_BOUND, tail(log)).isTrue();
      assertThat(stopped).isLessThan(STOP_BOUND);
      assertThat(ProcessHandle.allProcesses()
          .filter(process -> process.info().commandLine().orElse("").contains(data.toString())))
          .as("processes still using %s", data)
          .isEmpty();
      assertThat(data.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
    } finally {
      castle.destroyForcibly();
    }
  }

  /** The last lines of the log, which say what the stop was waiting for; the temporary directory goes with the test. */
  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /**
   * Copies the process's whole output to {@code log} (kept for diagnosis) on a thread of its own, so the
   * process never blocks on a full pipe; the future completes once the banner is out.
   */
  private static CompletableFuture<Void> logUntilBanner(Process process, Path log) {
    CompletableFuture<Void> banner = new CompletableFuture<>();
    Thread copier = new Thread(() -> {
      try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
          Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
        String line;
        while ((line = output.readLine()) != null) {
          file.write(line + "\n");
          file.flush();
          if (line.contains("Castle is running")) {
            banner.complete(null);
          }
        }
        banner.completeExceptionally(new IllegalStateException("castle local ended before its banner; see " + log));
      } catch (IOException e) {
        banner.completeExceptionally(e);
      }
    }, "castle-output");
    copier.setDaemon(true);
    copier.start();
    return banner;
  }
}
