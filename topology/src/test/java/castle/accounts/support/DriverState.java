package castle.accounts.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Where a TopologyTestDriver keeps its RocksDB stores. The driver commits, and so flushes every
 * store to disk, after each record; on this machine's disk that is most of a scenario's time, so the
 * stores live on tmpfs ({@code /dev/shm}) when there is one.
 */
public final class DriverState {

  private static final Path TMPFS = Path.of("/dev/shm");

  private DriverState() {}

  private static Properties properties(String applicationId, Path stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return props;
  }

  /** A fresh folder for one driver's state. */
  public static Path create() {
    try {
      return Files.isDirectory(TMPFS) && Files.isWritable(TMPFS)
          ? Files.createTempDirectory(TMPFS, "castle-ttd-")
          : Files.createTempDirectory("castle-ttd-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A driver with its state in {@code stateDir}; the folder is deleted again if the driver cannot start. */
  public static TopologyTestDriver start(Topology topology, String applicationId, Path stateDir) {
    try {
      return new TopologyTestDriver(topology, properties(applicationId, stateDir));
    } catch (RuntimeException e) {
      delete(stateDir);
      throw e;
    }
  }

  /** Deletes a driver's state folder once the driver is closed. */
  public static void delete(Path stateDir) {
    try (Stream<Path> paths = Files.walk(stateDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
