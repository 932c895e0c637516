package castle.app.bench;

import castle.app.admin.AdminConnection;
import castle.bench.binance.BinanceClient;
import castle.bench.floor.FloorProbe;
import castle.bench.load.LoadGenerator;
import castle.bench.report.BenchRun;
import castle.bench.report.ReportWriter;
import castle.bench.report.Targets;
import castle.bench.run.BenchRunner;
import castle.bench.stages.StageProbe;
import castle.bench.stats.ChannelResult;
import castle.bench.stats.LatencyChannel;
import castle.bench.stream.PendingOrders;
import castle.bench.stream.StreamClients;
import castle.bench.workload.OrderFactory;
import castle.bench.workload.OrderMix;
import castle.bench.workload.OrderWorkload;
import castle.bench.workload.Outcomes;
import castle.bench.workload.SymbolSpec;
import castle.bench.workload.Trader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code castle bench}: an open-loop load at constant arrival rates against a running Castle, in its
 * own process. It sets up funded traders through the admin API, sends signed Binance orders, times
 * answers and stream events from each request's intended start, optionally measures the pass-through
 * floor on the same broker, and writes a report per rate under {@code bench-results/<time>/}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Load a running Castle at constant arrival rates and report latencies, errors and the targets.",
      "Example: castle bench --rate 1000,2500,5000 --duration 60 --floor"
    })
public final class BenchRole implements Callable<Integer> {

  private static final Map<String, String> DESCRIPTIONS = Map.of(
      "ack", "POST /api/v3/order, newOrderRespType=ACK: request to answer",
      "full", "POST /api/v3/order, newOrderRespType=FULL: request to answer with fills",
      "cancel", "DELETE /api/v3/order: request to answer",
      "ws-own", "request to the order's first executionReport on the trader's WebSocket",
      "ws-trade", "request to the public @trade event of its first fill as taker",
      "floor", "one exactly-once pass-through hop, produce to read_committed consume");

  @Mixin AdminConnection admin;

  @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Castle's gateway. Default: ${DEFAULT-VALUE}.")
  URI url;

  @Option(names = "--rate", split = ",", defaultValue = "1000", description = "Orders per second; a list runs each in turn. Default: ${DEFAULT-VALUE}.")
  List<Double> rates;

  @Option(names = "--duration", defaultValue = "60", description = "Seconds measured at each rate. Default: ${DEFAULT-VALUE}.")
  int durationSeconds;

  @Option(names = "--warmup", defaultValue = "10", description = "Seconds of load before measuring each rate. Default: ${DEFAULT-VALUE}.")
  int warmupSeconds;

  @Option(names = "--traders", defaultValue = "40", description = "Simulated traders. Default: ${DEFAULT-VALUE}.")
  int traders;

  @Option(names = "--symbols", split = ",", defaultValue = "BTC/USDT", description = "BASE/QUOTE pairs to trade, created if missing. Default: ${DEFAULT-VALUE}.")
  List<String> pairs;

  @Option(names = "--mid-price", defaultValue = "30000", description = "Price orders are placed around. Default: ${DEFAULT-VALUE}.")
  BigDecimal midPrice;

  @Option(names = "--lot", defaultValue = "0.001", description = "Base quantity of one lot; orders are 1-5 lots. Default: ${DEFAULT-VALUE}.")
  BigDecimal lot;

  @Option(names = "--mix", defaultValue = OrderMix.DEFAULT, description = "Share of each action. Default: ${DEFAULT-VALUE}.")
  String mix;

  @Option(names = "--full-ratio", defaultValue = "0.2", description = "Share of orders that ask for FULL answers (the rest ACK). Default: ${DEFAULT-VALUE}.")
  double fullRatio;

  @Option(names = "--max-in-flight", defaultValue = "2000", description = "Outstanding requests at most. Default: ${DEFAULT-VALUE}.")
  int maxInFlight;

  @Option(names = "--max-resting", defaultValue = "40", description = "Resting orders each trader remembers per symbol, for its cancels. Default: ${DEFAULT-VALUE}.")
  int maxResting;

  @Option(names = "--no-streams", description = "Do not time WebSocket events (user data and public trades).")
  boolean noStreams;

  @Option(names = "--kafka", defaultValue = "127.0.0.1:9092", description = "Castle's Kafka, for the stage breakdown and the floor; 'none' to skip. Default: ${DEFAULT-VALUE}.")
  String kafka;

  @Option(names = "--floor", description = "Also measure the pass-through exactly-once floor at each rate.")
  boolean floor;

  @Option(names = "--out", defaultValue = "bench-results", description = "Where reports go. Default: ./${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed of the workload. Default: ${DEFAULT-VALUE}.")
  long seed;

  private final PrintStream console = System.out;

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
    Path folder = out.resolve(runId);
    String machine = Machine.describe();
    console.println("castle bench on " + machine);

    BenchSetup setup = new BenchSetup(admin.open());
    List<SymbolSpec> symbols = new ArrayList<>();
    Map<String, String> deposits = new LinkedHashMap<>();
    for (String pair : pairs) {
      String[] assets = pair.split("/");
      symbols.add(setup.symbol(assets[0] + assets[1], assets[0], assets[1], midPrice, lot));
      deposits.put(assets[0], "100");
      deposits.put(assets[1], "10000000");
    }
    console.printf("Creating %d funded traders...%n", traders);
    List<BenchSetup.ReadyTrader> ready = setup.traders(traders, runId.replace("-", ""), deposits, maxResting, !noStreams);

    Outcomes outcomes = Outcomes.create();
    List<LatencyChannel> channels = new ArrayList<>(List.of(outcomes.ack(), outcomes.full(), outcomes.cancel()));
    LatencyChannel ownReport = new LatencyChannel("ws-own");
    LatencyChannel publicTrade = new LatencyChannel("ws-trade");
    PendingOrders pending = null;
    StreamClients streamClients = null;
    ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor();
    Map<String, Object> kafkaProperties = "none".equals(kafka) ? null : Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka);
    StageProbe stages = kafkaProperties == null ? null : new StageProbe(kafkaProperties);
    try (BinanceClient client = new BinanceClient(url, Math.max(64, Math.min(maxInFlight, 1024)), 60_000)) {
      if (!noStreams) {
        channels.add(ownReport);
        channels.add(publicTrade);
        pending = new PendingOrders(ownReport, publicTrade, TimeUnit.SECONDS.toNanos(30));
        PendingOrders toExpire = pending;
        expiry.scheduleAtFixedRate(() -> toExpire.expire(System.nanoTime()), 5, 5, TimeUnit.SECONDS);
        streamClients = new StreamClients(URI.create(url.toString().replaceFirst("^http", "ws")), pending);
        for (BenchSetup.ReadyTrader trader : ready) {
          streamClients.userData(trader.trader(), trader.bearerToken());
        }
        for (SymbolSpec symbol : symbols) {
          streamClients.trades(symbol.symbol());
        }
      }
      List<Trader> tradingAs = ready.stream().map(BenchSetup.ReadyTrader::trader).toList();
      OrderWorkload workload = new OrderWorkload(client, tradingAs,
          new OrderFactory(OrderMix.parse(mix), symbols, fullRatio, runId.replace("-", "")),
          pending, outcomes, seed);
      BenchRunner runner = new BenchRunner(channels, DESCRIPTIONS, outcomes.errors(), outcomes.expected(), stages, console);
      List<String> summaryRows = new ArrayList<>();
      Optional<Double> best = Optional.empty();
      long totalErrors = 0;
      for (double rate : rates) {
        Optional<ChannelResult> floorResult = floor && kafkaProperties != null
            ? Optional.of(measureFloor(kafkaProperties, rate)) : Optional.empty();
        BenchRunner.StepResult step = runner.run(new BenchRunner.Step(rate, Duration.ofSeconds(warmupSeconds),
            Duration.ofSeconds(durationSeconds), maxInFlight), workload);
        long errors = step.errors().values().stream().mapToLong(Long::longValue).sum() + step.load().failedToSend()
            + step.load().undrained();
        totalErrors += errors;
        var targets = Targets.check(rate, step.load().achievedRate(), step.step().duration(), errors, step.channels());
        BenchRun run = new BenchRun(started, parameters(rate), machine, step.load().achievedRate(), step.channels(),
            allErrors(step), step.expected(), floorResult, step.stages(), targets);
        ReportWriter.write(folder.resolve(String.format(Locale.ROOT, "rate-%.0f", rate)), run);
        if (Targets.latenciesMet(targets, errors)) {
          best = Optional.of(best.map(b -> Math.max(b, rate)).orElse(rate));
        }
        summaryRows.add(summaryRow(rate, step, errors, floorResult));
      }
      writeOverview(folder, machine, summaryRows, best);
      console.println("Report: " + folder.toAbsolutePath());
      return totalErrors == 0 ? 0 : 1;
    } finally {
      expiry.shutdownNow();
      if (streamClients != null) {
        streamClients.close();
      }
      if (stages != null) {
        stages.close();
      }
    }
  }

  private ChannelResult measureFloor(Map<String, Object> kafkaProperties, double rate) throws Exception {
    console.printf("Measuring the floor at %.0f/s for %ds...%n", rate, durationSeconds);
    Path state = Files.createTempDirectory("castle-bench-floor-");
    return new FloorProbe(kafkaProperties, state, 4).run(rate, Duration.ofSeconds(durationSeconds));
  }

  private Map<String, String> parameters(double rate) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("target", url.toString());
    parameters.put("rate", String.format(Locale.ROOT, "%.0f orders/s (open loop, constant arrivals)", rate));
    parameters.put("measured", durationSeconds + " s after " + warmupSeconds + " s of warm-up");
    parameters.put("traders", Integer.toString(traders));
    parameters.put("symbols", String.join(", ", pairs));
    parameters.put("mix", mix + ", " + Math.round(fullRatio * 100) + "% FULL");
    parameters.put("max in flight", Integer.toString(maxInFlight));
    parameters.put("resting orders remembered per trader", Integer.toString(maxResting));
    parameters.put("seed", Long.toString(seed));
    return parameters;
  }

  private static Map<String, Long> allErrors(BenchRunner.StepResult step) {
    Map<String, Long> all = new LinkedHashMap<>(step.errors());
    if (step.load().failedToSend() > 0) {
      all.put("failed to send", step.load().failedToSend());
    }
    if (step.load().undrained() > 0) {
      all.put("no answer after the run", step.load().undrained());
    }
    return all;
  }

  private static String summaryRow(double rate, BenchRunner.StepResult step, long errors, Optional<ChannelResult> floor) {
    ChannelResult ack = channel(step, "ack");
    ChannelResult full = channel(step, "full");
    return String.format(Locale.ROOT, "| %.0f | %.0f | %.2f | %.2f | %.2f | %.2f | %s | %d |",
        rate, step.load().achievedRate(), ack.millisAt(50), ack.millisAt(99), full.millisAt(50), full.millisAt(99),
        floor.map(f -> String.format(Locale.ROOT, "%.2f / %.2f", f.millisAt(50), f.millisAt(99))).orElse("-"),
        errors);
  }

  private static ChannelResult channel(BenchRunner.StepResult step, String name) {
    return step.channels().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private void writeOverview(Path folder, String machine, List<String> rows, Optional<Double> best) throws Exception {
    StringBuilder md = new StringBuilder("# castle bench overview\n\nMachine: ").append(machine).append("\n\n");
    md.append("| rate/s | achieved/s | ACK p50 ms | ACK p99 ms | FULL p50 ms | FULL p99 ms | floor p50 / p99 ms | errors |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    rows.forEach(row -> md.append(row).append('\n'));
    md.append("\nHighest rate meeting p99 ACK < ").append((int) Targets.ACK_P99_MS).append(" ms and p99 FULL < ")
        .append((int) Targets.FULL_P99_MS).append(" ms with zero errors: ")
        .append(best.map(b -> String.format(Locale.ROOT, "**%.0f orders/s**", b)).orElse("none of the rates run"))
        .append(".\n\nEach rate's details are in its `rate-<n>/` folder.\n");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("summary.md"), md.toString());
    console.print(md);
  }
}
