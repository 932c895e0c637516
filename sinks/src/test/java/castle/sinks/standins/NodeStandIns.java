package castle.sinks.standins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The npm stand-ins, one process each per test JVM: dynalite for DynamoDB and fauxqs for SNS. They are
 * installed by {@code npm ci} in {@code sinks/src/test/standins}, which the build runs when npm is
 * available; without them the tests are skipped, or fail where stand-ins are required (.ci/run).
 */
public final class NodeStandIns {

  /** Where package.json and node_modules live, relative to the sinks module. */
  public static final Path DIR = Path.of("src", "test", "standins").toAbsolutePath();

  private static ChildProcess dynalite;
  private static ChildProcess fauxqs;

  private NodeStandIns() {}

  /** dynalite, an in-memory DynamoDB. */
  public static synchronized ChildProcess dynalite() {
    if (dynalite == null) {
      dynalite = startDynalite(FreePorts.next(), List.of());
    }
    return dynalite;
  }

  /**
   * A dynalite of the caller's own that keeps its tables on disk (LevelDB) under {@code dataDir}, so a
   * test can stop it and start it again on the same port and data, as DynamoDB comes back after an
   * outage.
   */
  public static ChildProcess persistentDynalite(Path dataDir, int port) {
    return startDynalite(port, List.of("--path", dataDir.toString()));
  }

  private static ChildProcess startDynalite(int port, List<String> options) {
    List<String> command = new ArrayList<>(
        List.of(node(), script("node_modules/dynalite/cli.js"), "--host", "127.0.0.1", "--port", Integer.toString(port)));
    command.addAll(options);
    return ChildProcess.start("dynalite", command, DIR, Map.of(), port);
  }

  /** fauxqs, an SNS and SQS emulator. */
  public static synchronized ChildProcess fauxqs() {
    if (fauxqs == null) {
      int port = FreePorts.next();
      fauxqs = ChildProcess.start("fauxqs", List.of(node(), script("node_modules/fauxqs/dist/cli.js")), DIR,
          Map.of("FAUXQS_PORT", Integer.toString(port), "FAUXQS_HOST", "127.0.0.1", "FAUXQS_LOGGER", "false"), port);
    }
    return fauxqs;
  }

  private static String script(String relative) {
    Path script = DIR.resolve(relative);
    if (!Files.isRegularFile(script)) {
      StandInRequirement.missing("The npm stand-ins are not installed (" + script + " is missing)."
          + " Run: npm ci --prefix sinks/src/test/standins");
    }
    return script.toString();
  }

  private static String node() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "node"))) {
        return Path.of(dir, "node").toString();
      }
    }
    StandInRequirement.missing("Node.js is needed to run the DynamoDB and SNS stand-ins, and 'node' is not on the PATH."
        + " Install Node.js 20+ (apt-get install nodejs), then: npm ci --prefix sinks/src/test/standins");
    throw new AssertionError("unreachable");
  }
}
