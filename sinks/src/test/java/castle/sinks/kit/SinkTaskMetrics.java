package castle.sinks.kit;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Reads a Castle sink task's metrics where an operator would: the worker's JMX beans. */
public final class SinkTaskMetrics {

  private SinkTaskMetrics() {}

  /** The value of metric {@code name} (such as {@code records-written-total}) of task 0 of {@code connector}. */
  public static double value(String connector, String name) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      for (ObjectName bean : server.queryNames(new ObjectName("kafka.connect:*"), null)) {
        if (connector.equals(bean.getKeyProperty("connector")) && "0".equals(bean.getKeyProperty("task"))
            && server.getMBeanInfo(bean).getAttributes().length > 0
            && java.util.Arrays.stream(server.getMBeanInfo(bean).getAttributes()).anyMatch(a -> a.getName().equals(name))) {
          return ((Number) server.getAttribute(bean, name)).doubleValue();
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read metric " + name + " of " + connector, e);
    }
    throw new IllegalStateException("No metric " + name + " for task 0 of " + connector);
  }
}
