package castle.sinks.standins;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ, an SQS server, embedded in the test JVM: one per JVM. */
public final class ElasticMq {

  private static SQSRestServer server;
  private static int port;

  private ElasticMq() {}

  /** The SQS endpoint, starting the server on first use. */
  public static synchronized String url() {
    if (server == null) {
      port = FreePorts.next();
      server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port).start();
      server.waitUntilStarted();
      SQSRestServer started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stopAndWait, "elasticmq-shutdown"));
    }
    return "http://127.0.0.1:" + port;
  }
}
