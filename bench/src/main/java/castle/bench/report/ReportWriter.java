package castle.bench.report;

import castle.bench.stats.ChannelResult;
import castle.bench.stats.TimelinePoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Writes a run's report into a folder: {@code summary.md} (settings, machine, percentiles, errors,
 * targets, the floor ratio and the per-stage breakdown), {@code latency.html} (percentile
 * distribution and latency over time, as inline SVG) and one {@code <channel>.hgrm} per channel
 * (HdrHistogram's percentile output in milliseconds, for HdrHistogram's plotter and other tools).
 */
public final class ReportWriter {

  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};
  private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};

  private ReportWriter() {}

  /** Writes every file of the report into {@code folder}, creating it. */
  public static void write(Path folder, BenchRun run) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("summary.md"), markdown(run));
    Files.writeString(folder.resolve("latency.html"), html(run));
    for (ChannelResult channel : allChannels(run)) {
      Files.writeString(folder.resolve(channel.name() + ".hgrm"), hgrm(channel.total()));
    }
  }

  static String markdown(BenchRun run) {
    StringBuilder md = new StringBuilder();
    md.append("# castle bench: ").append(run.startedAt()).append("\n\n");
    md.append("Machine: ").append(run.machine()).append("\n\n");
    md.append("| setting | value |\n|---|---|\n");
    run.parameters().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    md.append(String.format(Locale.ROOT, "%nAchieved rate: **%.0f orders/s**.%n%n", run.achievedRate()));
    md.append("## Latency (ms, from each request's intended start)\n\n");
    md.append("| channel | what | count | p50 | p90 | p99 | p99.9 | p99.99 | max |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (ChannelResult channel : allChannels(run)) {
      md.append("| ").append(channel.name()).append(" | ").append(channel.description()).append(" | ")
          .append(channel.total().getTotalCount());
      for (double p : PERCENTILES) {
        md.append(" | ").append(ms(channel.millisAt(p)));
      }
      md.append(" | ").append(ms(channel.total().getMaxValue() / 1000.0)).append(" |\n");
    }
    run.floor().ifPresent(floor -> {
      md.append("\n## Against the floor\n\n");
      md.append("The floor is one pass-through `exactly_once_v2` Streams hop on the same broker at the same rate.\n\n");
      md.append("| channel | p50 / floor p50 | p99 / floor p99 |\n|---|---:|---:|\n");
      for (ChannelResult channel : run.channels()) {
        md.append("| ").append(channel.name()).append(" | ")
            .append(ratio(channel.millisAt(50), floor.millisAt(50))).append(" | ")
            .append(ratio(channel.millisAt(99), floor.millisAt(99))).append(" |\n");
      }
    });
    if (!run.stages().isEmpty()) {
      md.append("\n## Where the time goes\n\n| stage | p50 ms | p99 ms |\n|---|---:|---:|\n");
      for (BenchRun.StageLatency stage : run.stages()) {
        md.append("| ").append(stage.stage()).append(" | ").append(ms(stage.p50())).append(" | ")
            .append(ms(stage.p99())).append(" |\n");
      }
    }
    md.append("\n## Errors\n\n");
    if (run.errors().isEmpty()) {
      md.append("None.\n");
    } else {
      countTable(md, run.errors());
    }
    if (!run.expected().isEmpty()) {
      md.append("\n## Answers that are not errors\n\n");
      countTable(md, run.expected());
    }
    if (!run.targets().isEmpty()) {
      md.append("\n## Targets\n\n| target | measured | met |\n|---|---|---|\n");
      for (BenchRun.TargetCheck target : run.targets()) {
        md.append("| ").append(target.what()).append(" | ").append(target.measured()).append(" | ")
            .append(target.met() ? "yes" : "**no**").append(" |\n");
      }
    }
    md.append("\nFiles: `latency.html` (charts), `*.hgrm` (HdrHistogram percentile distributions in ms).\n");
    return md.toString();
  }

  private static void countTable(StringBuilder md, Map<String, Long> counts) {
    md.append("| kind | count |\n|---|---:|\n");
    counts.forEach((kind, count) -> md.append("| ").append(kind).append(" | ").append(count).append(" |\n"));
  }

  static String html(BenchRun run) {
    SvgPlot distribution = new SvgPlot("Latency by percentile", "percentile", "ms", true)
        .xTick(1, "0%").xTick(10, "90%").xTick(100, "99%").xTick(1_000, "99.9%").xTick(10_000, "99.99%")
        .xTick(100_000, "99.999%");
    SvgPlot overTime = new SvgPlot("Latency over time (p99 per second)", "seconds", "ms", false);
    int colour = 0;
    for (ChannelResult channel : allChannels(run)) {
      String c = COLOURS[colour++ % COLOURS.length];
      distribution.add(new SvgPlot.Series(channel.name(), c, percentilePoints(channel.total())));
      List<double[]> p99 = new ArrayList<>();
      for (TimelinePoint point : channel.timeline()) {
        p99.add(new double[] {point.second(), point.p99() / 1000.0});
      }
      overTime.add(new SvgPlot.Series(channel.name() + " p99", c, p99));
    }
    return "<!doctype html>\n<html><head><meta charset='utf-8'><title>castle bench " + run.startedAt()
        + "</title></head>\n<body style='font-family:sans-serif'>\n<h1>castle bench</h1>\n<p>" + run.machine()
        + "</p>\n" + distribution.render() + overTime.render() + "</body></html>\n";
  }

  static String hgrm(Histogram histogram) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      histogram.outputPercentileDistribution(out, 1000.0);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static List<double[]> percentilePoints(Histogram histogram) {
    List<double[]> points = new ArrayList<>();
    if (histogram.getTotalCount() == 0) {
      return points;
    }
    for (HistogramIterationValue value : histogram.percentiles(5)) {
      double percentile = value.getPercentileLevelIteratedTo();
      double x = percentile >= 100 ? 1_000_000 : 1 / (1 - percentile / 100);
      points.add(new double[] {x, value.getValueIteratedTo() / 1000.0});
    }
    return points;
  }

  private static List<ChannelResult> allChannels(BenchRun run) {
    List<ChannelResult> all = new ArrayList<>(run.channels());
    run.floor().ifPresent(all::add);
    return all;
  }

  private static String ms(double millis) {
    return String.format(Locale.ROOT, "%.2f", millis);
  }

  private static String ratio(double value, double floor) {
    return floor <= 0 ? "n/a" : String.format(Locale.ROOT, "%.1fx", value / floor);
  }

  /** The parameters as an ordered map, for callers building a run. */
  public static Map<String, String> parameters(String... keyValues) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
