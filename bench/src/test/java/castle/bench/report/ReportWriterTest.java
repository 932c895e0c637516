package castle.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import castle.bench.stats.ChannelResult;
import castle.bench.stats.TimelinePoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  /** 1,000 values of 1..1000 ms: p50 ~ 500 ms, p99 ~ 990 ms. */
  private static ChannelResult channel(String name, long scaleMicros) {
    Histogram histogram = new Histogram(1, 600_000_000L, 3);
    for (int i = 1; i <= 1_000; i++) {
      histogram.recordValue(i * scaleMicros);
    }
    return new ChannelResult(name, name + " latency", histogram,
        List.of(new TimelinePoint(0, 600, 10_000, 20_000, 30_000), new TimelinePoint(1, 400, 12_000, 25_000, 40_000)));
  }

  private static BenchRun run() {
    return new BenchRun(
        Instant.parse("2026-11-26T15:00:00Z"),
        ReportWriter.parameters("url", "http://127.0.0.1:8080", "rate", "5000/s"),
        "2 cores, test CPU, Java 17",
        4_987.5,
        List.of(channel("ack", 1_000), channel("full", 2_000)),
        Map.of("-1007", 3L),
        Map.of("cancel of an order that had filled (-2011)", 5L),
        Optional.of(channel("floor", 500)),
        List.of(new BenchRun.StageLatency("gateway -> accounts", 4.0, 12.5)),
        List.of(new BenchRun.TargetCheck("p99 ACK < 20 ms", "990.00 ms", false)));
  }

  @Test
  void theSummaryHasPercentilesFloorRatiosStagesErrorsAndTargets() {
    String md = ReportWriter.markdown(run());

    assertThat(md)
        .contains("| url | http://127.0.0.1:8080 |")
        .contains("Achieved rate: **4988 orders/s**")
        .containsPattern("\\| ack \\| ack latency \\| 1000 \\| 500\\.\\d\\d \\| 90\\d\\.\\d\\d \\| 99\\d\\.\\d\\d")
        .contains("| ack | 2.0x | 2.0x |")
        .contains("| full | 4.0x | 4.0x |")
        .contains("| gateway -> accounts | 4.00 | 12.50 |")
        .contains("| -1007 | 3 |")
        .contains("## Answers that are not errors")
        .contains("| cancel of an order that had filled (-2011) | 5 |")
        .contains("| p99 ACK < 20 ms | 990.00 ms | **no** |");
  }

  @Test
  void writesTheChartsAndOneHgrmPerChannel(@TempDir Path dir) throws Exception {
    ReportWriter.write(dir, run());

    assertThat(dir.resolve("summary.md")).exists();
    String html = Files.readString(dir.resolve("latency.html"));
    assertThat(html).contains("<svg").contains("Latency by percentile").contains("Latency over time")
        .contains(">ack<").contains(">floor<").contains("<path d='M");
    String hgrm = Files.readString(dir.resolve("full.hgrm"));
    assertThat(hgrm).contains("Value     Percentile TotalCount 1/(1-Percentile)").contains("#[Max     =     2000.");
    assertThat(dir.resolve("ack.hgrm")).exists();
    assertThat(dir.resolve("floor.hgrm")).exists();
  }

  @Test
  void aRunWithoutErrorsSaysSo() {
    BenchRun clean = new BenchRun(Instant.EPOCH, Map.of(), "m", 1, List.of(channel("ack", 1)), Map.of(), Map.of(),
        Optional.empty(), List.of(), List.of());

    assertThat(ReportWriter.markdown(clean)).contains("## Errors\n\nNone.").doesNotContain("Against the floor")
        .doesNotContain("not errors");
  }
}
