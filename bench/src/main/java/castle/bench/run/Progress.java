package castle.bench.run;

import castle.bench.stats.ChannelResult;
import castle.bench.stats.ErrorCounts;
import castle.bench.stats.LatencyChannel;
import castle.bench.stats.TimelinePoint;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Once a second, takes each channel's interval, keeps it for the latency-over-time chart and prints
 * one line: completed requests per second, p50 and p99 of the main channels, errors so far. The only
 * reader of the channels' intervals, so their totals are exact.
 */
final class Progress implements AutoCloseable {

  private final List<LatencyChannel> channels;
  private final List<String> shown;
  private final ErrorCounts errors;
  private final PrintStream out;
  private final String label;
  private final Map<String, List<TimelinePoint>> timelines = new LinkedHashMap<>();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "bench-progress");
    thread.setDaemon(true);
    return thread;
  });
  private long second;

  Progress(List<LatencyChannel> channels, List<String> shown, ErrorCounts errors, PrintStream out, String label) {
    this.channels = channels;
    this.shown = shown;
    this.errors = errors;
    this.out = out;
    this.label = label;
    channels.forEach(c -> timelines.put(c.name(), new ArrayList<>()));
  }

  void start() {
    ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
  }

  private synchronized void tick() {
    second++;
    long completed = 0;
    StringBuilder latencies = new StringBuilder();
    for (LatencyChannel channel : channels) {
      Histogram interval = channel.nextInterval();
      timelines.get(channel.name()).add(TimelinePoint.of(second, interval));
      if (!channel.name().startsWith("ws-")) {
        completed += interval.getTotalCount();
      }
      if (shown.contains(channel.name()) && interval.getTotalCount() > 0) {
        latencies.append(String.format(Locale.ROOT, "  %s p50 %.1f p99 %.1f ms", channel.name(),
            interval.getValueAtPercentile(50) / 1000.0, interval.getValueAtPercentile(99) / 1000.0));
      }
    }
    out.println(String.format(Locale.ROOT, "%s %3ds  %5d/s", label, second, completed)
        + latencies + "  errors " + errors.total());
  }

  /** Stops ticking and returns each channel's results, described by {@code descriptions}. */
  synchronized List<ChannelResult> finish(Map<String, String> descriptions) {
    ticker.shutdownNow();
    tick();
    List<ChannelResult> results = new ArrayList<>();
    for (LatencyChannel channel : channels) {
      results.add(new ChannelResult(channel.name(), descriptions.getOrDefault(channel.name(), channel.name()),
          channel.total(), List.copyOf(timelines.get(channel.name()))));
    }
    return results;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
