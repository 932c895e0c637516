package castle.gateway.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A real WebSocket client (the JDK's), collecting every text message as JSON. */
final class WsClient implements WebSocket.Listener, AutoCloseable {

  private final ObjectMapper json = new ObjectMapper();
  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final List<JsonNode> passedOver = new ArrayList<>();
  private final StringBuilder partial = new StringBuilder();
  private final AtomicInteger pings = new AtomicInteger();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private WebSocket socket;

  static WsClient connect(URI uri, Map<String, String> headers) {
    WsClient client = new WsClient();
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    headers.forEach(builder::header);
    client.socket = builder.buildAsync(uri, client).join();
    return client;
  }

  static WsClient connect(URI uri) {
    return connect(uri, Map.of());
  }

  void send(String text) {
    socket.sendText(text, true).join();
  }

  /** The next message, or null after the timeout. */
  JsonNode next(Duration timeout) throws InterruptedException {
    return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The first message that matches, received before or within the timeout; messages it passes over
   * stay for later calls.
   */
  JsonNode await(Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
    for (Iterator<JsonNode> earlier = passedOver.iterator(); earlier.hasNext(); ) {
      JsonNode message = earlier.next();
      if (wanted.test(message)) {
        earlier.remove();
        return message;
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode message = messages.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
      if (message == null) {
        continue;
      }
      if (wanted.test(message)) {
        return message;
      }
      passedOver.add(message);
    }
    throw new AssertionError("No matching message within " + timeout);
  }

  /** Every message received so far and not yet taken. */
  List<JsonNode> drain() {
    List<JsonNode> drained = new ArrayList<>(passedOver);
    passedOver.clear();
    messages.drainTo(drained);
    return drained;
  }

  int pings() {
    return pings.get();
  }

  CompletableFuture<Integer> closed() {
    return closed;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        messages.add(json.readTree(partial.toString()));
      } catch (Exception e) {
        throw new IllegalStateException("Server sent text that is not JSON: " + partial, e);
      }
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    pings.incrementAndGet();
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(-1);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    socket.abort();
  }
}
