package castle.sinks.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Free loopback ports, and waiting for a child process to listen on one. */
public final class FreePorts {

  private FreePorts() {}

  /** A port nothing listens on right now. */
  public static int next() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until something accepts connections on the port, or fails after {@code timeout}. */
  public static void awaitListening(int port, Duration timeout, Process process, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        if (process != null && !process.isAlive()) {
          throw new IllegalStateException(what + " exited with code " + process.exitValue() + " before listening");
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(what + " is not listening on port " + port + " after " + timeout);
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
