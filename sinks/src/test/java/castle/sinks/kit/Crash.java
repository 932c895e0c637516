package castle.sinks.kit;

import castle.sinks.worker.ConnectWorker;
import java.time.Duration;

/**
 * Simulates a sink that crashed after writing but before committing its offsets: the connector is
 * stopped, its committed offsets are forgotten (Connect's offsets API, as {@code DELETE
 * /connectors/NAME/offsets} does), and it starts again, so every record is delivered a second time.
 */
public final class Crash {

  private Crash() {}

  /** Stops the connector, resets its offsets and starts it again. */
  public static void andReplayEverything(ConnectWorker worker, String connector) {
    worker.stopConnector(connector);
    worker.resetOffsets(connector);
    worker.resumeConnector(connector);
    worker.awaitRunning(connector, Duration.ofSeconds(60));
  }
}
