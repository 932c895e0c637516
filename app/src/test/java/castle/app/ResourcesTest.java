package castle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ResourcesTest {

  @Test
  void aResourceNeedingOnlyTheBrokerStopsAlongsideTheRestAndTheBrokerWaitsForIt() {
    // Given a broker, a gateway, and the sinks started last, which need nothing but the broker
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch sinksStopping = new CountDownLatch(1);
    CountDownLatch gatewayStopped = new CountDownLatch(1);
    Resources resources = new Resources();
    AutoCloseable broker = resources.add("broker", () -> events.add("broker stopped"));
    resources.add("gateway", () -> {
      events.add(sinksStopping.await(10, TimeUnit.SECONDS) ? "gateway stopped" : "gateway stopped alone");
      gatewayStopped.countDown();
    });
    resources.addNeedingOnly("sinks", () -> {
      events.add("sinks stopping");
      sinksStopping.countDown();
      gatewayStopped.await(10, TimeUnit.SECONDS);
      events.add("sinks stopped");
    }, broker);

    // When they are closed
    resources.close();

    // Then the sinks stop while the gateway does, and the broker only after both
    assertThat(events).containsExactly("sinks stopping", "gateway stopped", "sinks stopped", "broker stopped");
  }

  @Test
  void aFailureToStopIsLoggedAndTheRestStillStop() {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    Resources resources = new Resources();
    AutoCloseable broker = resources.add("broker", () -> events.add("broker stopped"));
    resources.add("gateway", () -> {
      throw new IllegalStateException("port busy");
    });
    resources.addNeedingOnly("sinks", () -> {
      throw new IllegalStateException("worker stuck");
    }, broker);

    resources.close();

    assertThat(events).containsExactly("broker stopped");
  }
}
