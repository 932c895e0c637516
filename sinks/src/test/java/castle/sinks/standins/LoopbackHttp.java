package castle.sinks.standins;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/** The small HTTP servers the stand-ins put in front of real services or in place of AWS APIs. */
final class LoopbackHttp {

  private LoopbackHttp() {}

  /** A server bound to a free loopback port, not started yet, so the caller adds its contexts first. */
  static HttpServer unstarted() {
    try {
      return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL a client is given for {@code server}. */
  static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
