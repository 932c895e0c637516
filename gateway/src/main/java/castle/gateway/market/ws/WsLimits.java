package castle.gateway.market.ws;

import java.time.Duration;

/**
 * What one WebSocket connection may use. Binance allows 5 incoming messages a second and 1024 streams
 * per connection; a client that cannot keep up with its streams is disconnected once its queue of
 * unsent messages is full, so it never slows the others or grows the gateway's memory.
 *
 * @param maxStreams streams one connection may subscribe
 * @param messagesPerSecond incoming messages allowed per second, on average
 * @param messageBurst incoming messages allowed at once
 * @param queuedMessages unsent messages kept for one connection before it is dropped
 * @param queuedBytes unsent bytes kept for one connection before it is dropped
 * @param maxMessageBytes the largest incoming message
 * @param pingEvery how often the server pings (Binance: every 20 s)
 * @param idleTimeout how long a connection may show no activity at all, pongs included
 */
public record WsLimits(int maxStreams, int messagesPerSecond, int messageBurst, int queuedMessages, long queuedBytes,
    int maxMessageBytes, Duration pingEvery, Duration idleTimeout) {

  /** Binance's limits, with a queue of 2,000 messages or 4 MiB per connection. */
  public static WsLimits defaults() {
    return new WsLimits(1024, 5, 10, 2_000, 4L * 1024 * 1024, 64 * 1024, Duration.ofSeconds(20), Duration.ofSeconds(60));
  }
}
