package castle.gateway.market.ws;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket client: its subscriptions, its account (if it authenticated) and a bounded queue of
 * messages to send. Publishers only ever enqueue, never wait: at most one frame is in flight, and
 * the next one goes out when Jetty reports the previous written. A client whose queue fills up is
 * disconnected, so a slow reader costs a bounded amount of memory and nobody else's latency.
 */
final class ClientConnection {

  private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

  /** Close code for a policy violation (RFC 6455). */
  static final int POLICY_VIOLATION = 1008;

  private final String id;
  private final Session session;
  private final WsLimits limits;
  private final Long accountId;
  private final Set<String> streams = new LinkedHashSet<>();
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private final Callback afterSend = Callback.from(this::sent, this::failed);
  private boolean combined;
  private long queuedBytes;
  private boolean sending;
  private boolean inSend;
  private boolean completedInSend;
  private boolean closed;
  private double tokens;
  private long lastRefillNanos = System.nanoTime();

  ClientConnection(String id, Session session, boolean combined, Long accountId, WsLimits limits) {
    this.id = id;
    this.session = session;
    this.combined = combined;
    this.accountId = accountId;
    this.limits = limits;
    this.tokens = limits.messageBurst();
  }

  Optional<Long> account() {
    return Optional.ofNullable(accountId);
  }

  synchronized boolean combined() {
    return combined;
  }

  synchronized void combined(boolean value) {
    combined = value;
  }

  /** Adds streams if the limit allows all of them; returns whether it did. */
  synchronized boolean subscribe(List<String> names) {
    Set<String> after = new LinkedHashSet<>(streams);
    after.addAll(names);
    if (after.size() > limits.maxStreams()) {
      return false;
    }
    streams.addAll(names);
    return true;
  }

  synchronized void unsubscribe(List<String> names) {
    names.forEach(streams::remove);
  }

  synchronized List<String> streams() {
    return new ArrayList<>(streams);
  }

  /** Whether another incoming message is within the rate limit (a token bucket). */
  synchronized boolean allowIncoming() {
    long now = System.nanoTime();
    tokens = Math.min(limits.messageBurst(), tokens + (now - lastRefillNanos) / 1e9 * limits.messagesPerSecond());
    lastRefillNanos = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /** Sends an event of a stream, wrapped when the connection uses combined streams. */
  void deliver(Event event) {
    send(combined() ? event.combined() : event.raw());
  }

  /** Queues a message; drops the connection instead if its queue is full. */
  synchronized void send(String message) {
    if (closed) {
      return;
    }
    if (queue.size() >= limits.queuedMessages() || queuedBytes + message.length() > limits.queuedBytes()) {
      LOG.info("Dropping WebSocket client {}: {} messages ({} bytes) wait to be sent", id, queue.size(), queuedBytes);
      close(POLICY_VIOLATION, "Too slow: messages queued beyond the limit");
      session.disconnect();
      return;
    }
    queue.add(message);
    queuedBytes += message.length();
    pump();
  }

  /** Closes with a status and reason; later messages are discarded. */
  synchronized void close(int status, String reason) {
    if (!closed) {
      closed = true;
      queue.clear();
      queuedBytes = 0;
      session.close(status, reason, Callback.NOOP);
    }
  }

  synchronized void closed() {
    closed = true;
    queue.clear();
    queuedBytes = 0;
  }

  private void pump() {
    while (!sending && !closed && !queue.isEmpty()) {
      String next = queue.poll();
      queuedBytes -= next.length();
      sending = true;
      inSend = true;
      completedInSend = false;
      session.sendText(next, afterSend);
      inSend = false;
      if (completedInSend) {
        sending = false;
      }
    }
  }

  private synchronized void sent() {
    if (inSend) {
      completedInSend = true;
      return;
    }
    sending = false;
    pump();
  }

  private synchronized void failed(Throwable cause) {
    LOG.debug("WebSocket client {} failed: {}", id, cause.toString());
    sending = false;
    closed();
  }
}
