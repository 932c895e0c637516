package castle.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import castle.app.Resources;
import castle.app.gateway.BinanceOptions;
import castle.app.identity.IdentityOptions;
import castle.app.local.LocalCastle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * castle bench, for a few seconds at a low rate, against a local Castle this test starts: every order
 * succeeds and a full report is written. It checks the harness works end to end, not Castle's speed.
 */
class BenchSmokeTest {

  @Test
  void aShortLowRateRunHasNoErrorsAndWritesItsReport(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    LocalCastle.Settings settings = new LocalCastle.Settings(data, "127.0.0.1", 0, 0);
    try (LocalCastle castle = LocalCastle.start(settings, IdentityOptions.defaults(), BinanceOptions.defaults(), new Resources())) {
      BenchRole bench = new BenchRole();
      int exit = new CommandLine(bench).execute(
          "--data-dir", data.toString(),
          "--url", "http://127.0.0.1:" + castle.gatewayPort(),
          "--kafka", castle.broker().bootstrapServers(),
          "--rate", "20",
          "--duration", "4",
          "--warmup", "1",
          "--traders", "3",
          "--out", dir.resolve("results").toString());

      assertThat(exit).as("exit code: 0 only when every request succeeded").isZero();
      Path report;
      try (Stream<Path> runs = Files.list(dir.resolve("results"))) {
        report = runs.findFirst().orElseThrow().resolve("rate-20");
      }
      assertThat(report.resolve("summary.md")).exists();
      assertThat(report.resolve("latency.html")).exists();
      for (String channel : List.of("ack", "full", "cancel", "ws-own", "ws-trade")) {
        assertThat(report.resolve(channel + ".hgrm")).exists();
      }
      String summary = Files.readString(report.resolve("summary.md"));
      assertThat(summary).contains("## Errors\n\nNone.").contains("## Where the time goes")
          .containsPattern("\\| ack \\| [^|]+ \\| [1-9][0-9]* \\|");
    }
  }
}
