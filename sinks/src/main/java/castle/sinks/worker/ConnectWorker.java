package castle.sinks.worker;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.errors.NotFoundException;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.Message;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * A Kafka Connect worker running in this JVM, started through Connect's own command-line classes so it
 * behaves exactly like {@code connect-standalone} or {@code connect-distributed}: plugin discovery,
 * REST API, herder and all. Castle's connectors are found by service loading from the classpath.
 */
public final class ConnectWorker implements AutoCloseable {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  private final Connect<? extends Herder> connect;

  private ConnectWorker(Connect<? extends Herder> connect) {
    this.connect = connect;
  }

  /** Starts a worker with the given worker properties; {@code distributed} picks the mode. */
  public static ConnectWorker start(Map<String, String> workerProps, boolean distributed) {
    Connect<? extends Herder> connect = distributed
        ? new ConnectDistributed().startConnect(workerProps)
        : new ConnectStandalone().startConnect(workerProps);
    return new ConnectWorker(connect);
  }

  /** The worker's herder, for anything this class does not wrap. */
  public Herder herder() {
    return connect.herder();
  }

  /** The REST API's address. */
  public URI restUrl() {
    return connect.rest().advertisedUrl();
  }

  /** Creates or replaces a connector and waits until the herder has accepted it. */
  public void putConnector(String name, Map<String, String> config) {
    FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();
    herder().putConnectorConfig(name, config, true, done);
    await(done, "create connector " + name);
  }

  /** The names of the connectors the worker runs. */
  public Collection<String> connectors() {
    FutureCallback<Collection<String>> done = new FutureCallback<>();
    herder().connectors(done);
    return await(done, "list connectors");
  }

  /** Removes a connector. */
  public void deleteConnector(String name) {
    FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();
    herder().deleteConnectorConfig(name, done);
    await(done, "delete connector " + name);
  }

  /** Stops a connector (its tasks shut down and commit), keeping its configuration. */
  public void stopConnector(String name) {
    FutureCallback<Void> done = new FutureCallback<>();
    herder().stopConnector(name, done);
    await(done, "stop connector " + name);
  }

  /** Forgets a stopped sink connector's committed offsets, so it reads its topics from the start again. */
  public void resetOffsets(String name) {
    FutureCallback<Message> done = new FutureCallback<>();
    herder().resetConnectorOffsets(name, done);
    await(done, "reset offsets of " + name);
  }

  /** Starts a stopped or paused connector again. */
  public void resumeConnector(String name) {
    herder().resumeConnector(name);
  }

  /** The connector's state and its tasks' states. */
  public ConnectorStateInfo status(String name) {
    return herder().connectorStatus(name);
  }

  /** True when the connector and every one of its tasks are RUNNING. */
  public boolean isRunning(String name) {
    try {
      ConnectorStateInfo status = status(name);
      List<ConnectorStateInfo.TaskState> tasks = status.tasks();
      return "RUNNING".equals(status.connector().state()) && !tasks.isEmpty()
          && tasks.stream().allMatch(t -> "RUNNING".equals(t.state()));
    } catch (RuntimeException notYetKnown) {
      return false;
    }
  }

  /** Waits until the connector and its tasks run; fails with the first task's trace if one failed. */
  public void awaitRunning(String name, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!isRunning(name)) {
      failIfFailed(name);
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Connector " + name + " is not running after " + timeout + ": " + safeStatus(name));
      }
      sleep();
    }
  }

  private void failIfFailed(String name) {
    try {
      ConnectorStateInfo status = status(name);
      if ("FAILED".equals(status.connector().state())) {
        throw new IllegalStateException("Connector " + name + " failed: " + status.connector().trace());
      }
      for (ConnectorStateInfo.TaskState task : status.tasks()) {
        if ("FAILED".equals(task.state())) {
          throw new IllegalStateException("Task " + task.id() + " of " + name + " failed: " + task.trace());
        }
      }
    } catch (NotFoundException notYetKnown) {
      // Not created yet.
    }
  }

  private String safeStatus(String name) {
    try {
      return status(name).toString();
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  private static <T> T await(FutureCallback<T> callback, String what) {
    try {
      return callback.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Timed out trying to " + what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted trying to " + what, e);
    }
  }

  /** Stops every connector (tasks commit their offsets) and the worker. */
  @Override
  public void close() {
    connect.stop();
    connect.awaitStop();
  }
}
