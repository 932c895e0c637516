package castle.gateway.health;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Ready when the Kafka cluster answers a metadata request. The answer is cached briefly so frequent
 * probes (a load balancer, Kubernetes) do not turn into a stream of admin requests.
 */
public final class BrokerReachability implements ReadinessCheck {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final long CACHE_NANOS = Duration.ofSeconds(1).toNanos();

  private final Admin admin;
  private Optional<String> lastAnswer = Optional.of("not checked yet");
  private long lastCheckedAt = System.nanoTime() - CACHE_NANOS;

  /** Checks the cluster the admin client points at. */
  public BrokerReachability(Admin admin) {
    this.admin = admin;
  }

  @Override
  public synchronized Optional<String> problem() {
    if (System.nanoTime() - lastCheckedAt >= CACHE_NANOS) {
      lastAnswer = ask();
      lastCheckedAt = System.nanoTime();
    }
    return lastAnswer;
  }

  private Optional<String> ask() {
    try {
      int nodes =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
              .nodes()
              .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .size();
      return nodes > 0 ? Optional.empty() : Optional.of("Kafka cluster reports no brokers");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while asking Kafka");
    } catch (Exception e) {
      return Optional.of("Kafka unreachable: " + e.getClass().getSimpleName());
    }
  }
}
