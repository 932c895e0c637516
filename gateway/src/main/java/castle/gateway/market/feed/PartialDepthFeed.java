package castle.gateway.market.feed;

import castle.gateway.market.DepthSource;
import castle.gateway.market.ws.StreamHub;
import castle.gateway.market.ws.StreamName;
import castle.iq.StoreUnavailableException;
import castle.market.read.MarketReads.DepthSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partial-book streams ({@code @depth5}, {@code @depth10}, {@code @depth20}, every second or
 * every 100 ms with {@code @100ms}): the top levels of the same snapshot {@code /api/v3/depth}
 * serves, with its {@code lastUpdateId}, taken once per symbol and period for all such streams.
 * Runs on a thread of its own, so a slow snapshot never holds up the other streams; while the book's
 * state moves, that period is skipped.
 */
final class PartialDepthFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PartialDepthFeed.class);
  private static final long FAST_MS = 100;
  private static final int SLOW_EVERY = 10;
  private static final int MAX_LEVELS = 20;

  private final StreamHub hub;
  private final DepthSource depth;
  private final MarketEvents events = new MarketEvents();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "gateway-partial-depth");
    thread.setDaemon(true);
    return thread;
  });
  private long round;

  PartialDepthFeed(StreamHub hub, DepthSource depth) {
    this.hub = hub;
    this.depth = depth;
  }

  PartialDepthFeed start() {
    timer.scheduleAtFixedRate(this::publish, FAST_MS, FAST_MS, TimeUnit.MILLISECONDS);
    return this;
  }

  private void publish() {
    boolean slowRound = round++ % SLOW_EVERY == 0;
    Map<String, DepthSnapshot> snapshots = new HashMap<>();
    List<StreamName> streams = hub.subscribed();
    for (StreamName stream : streams) {
      if (stream.kind() != StreamName.Kind.PARTIAL_DEPTH || !(stream.fast() || slowRound)) {
        continue;
      }
      try {
        DepthSnapshot snapshot = snapshots.computeIfAbsent(stream.symbol(), symbol -> depth.snapshot(symbol, MAX_LEVELS));
        if (snapshot.symbol().known()) {
          hub.publish(stream.name(), events.partialDepth(snapshot, stream.levels()));
        }
      } catch (StoreUnavailableException e) {
        LOG.debug("Skipping partial depth of {} this round: {}", stream.symbol(), e.getMessage());
      } catch (RuntimeException e) {
        LOG.warn("Partial depth of {} failed", stream.symbol(), e);
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
