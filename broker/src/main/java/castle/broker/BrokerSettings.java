package castle.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to run the embedded broker.
 *
 * @param logDir where the broker keeps its data; reused across restarts
 * @param host the address it binds and advertises
 * @param port the client port; 0 picks a free one
 * @param segmentBytes log segment size: small segments let a laptop reclaim disk sooner
 * @param startupTimeout how long to wait for the node to serve requests
 * @param overrides any further broker properties
 */
public record BrokerSettings(
    Path logDir,
    String host,
    int port,
    int segmentBytes,
    Duration startupTimeout,
    Map<String, String> overrides) {

  /** Loopback, a free port, 64 MiB segments, 60 s to start. */
  public static BrokerSettings local(Path logDir) {
    return new BrokerSettings(logDir, "127.0.0.1", 0, 64 * 1024 * 1024, Duration.ofSeconds(60), Map.of());
  }

  /** The same settings on another client port. */
  public BrokerSettings withPort(int newPort) {
    return new BrokerSettings(logDir, host, newPort, segmentBytes, startupTimeout, overrides);
  }

  /** The same settings bound to another address. */
  public BrokerSettings withHost(String newHost) {
    return new BrokerSettings(logDir, newHost, port, segmentBytes, startupTimeout, overrides);
  }
}
