package castle.sinks.kit;

import castle.broker.SharedBroker;
import castle.sinks.worker.ConnectWorker;
import castle.sinks.worker.WorkerProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One standalone Connect worker per test JVM, on the shared broker: starting a worker costs seconds,
 * so connector tests share it and keep apart by connector names and topics of their own. A test class
 * that creates connectors extends with {@link DeleteConnectorsAfterAll}.
 */
public final class SharedWorker {

  /**
   * Deletes every connector on the shared worker once a test class is done. One left running keeps
   * writing to stand-ins that stop with the JVM, and the worker's stop at exit waits on each such task.
   */
  public static final class DeleteConnectorsAfterAll implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
      if (worker != null) {
        worker.connectors().forEach(worker::deleteConnector);
      }
    }
  }

  private static ConnectWorker worker;

  private SharedWorker() {}

  /** The shared worker, started on first use. */
  public static synchronized ConnectWorker get() {
    if (worker == null) {
      try {
        Map<String, String> props = WorkerProperties.standalone(
            Map.of("bootstrap.servers", SharedBroker.bootstrapServers()),
            Files.createTempDirectory("castle-connect-"), "http://127.0.0.1:0");
        // Tests wait on offsets after replays: commit them often.
        props.put("offset.flush.interval.ms", "500");
        worker = ConnectWorker.start(props, false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      SharedBroker.closeBeforeBroker(worker);
    }
    return worker;
  }
}
