package castle.gateway.binance;

import castle.gateway.binance.limits.RateLimitSettings;
import castle.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * How a gateway instance runs the Binance-compatible API.
 *
 * @param nodeId this instance's id (0..1023) for order and command ids; unique among running gateways
 * @param orderResultTimeout how long RESULT and FULL answers (and cancels) wait for the outcome
 *     before answering -1007
 * @param rateLimits the limits to enforce
 * @param topicName the name of each topic: the registry's in production, prefixed in tests that
 *     share a broker
 * @param clock the server's time: {@code serverTime}, receive times and the recvWindow check
 */
public record BinanceSettings(
    int nodeId,
    Duration orderResultTimeout,
    RateLimitSettings rateLimits,
    Function<Topic<?>, String> topicName,
    Clock clock) {

  /** Default order result bound: generous against a busy pipeline, short of client timeouts (10 s). */
  public static final Duration DEFAULT_ORDER_RESULT_TIMEOUT = Duration.ofSeconds(5);

  /** Production settings: Binance's rate limits, the registry's topic names. */
  public static BinanceSettings of(int nodeId, Duration orderResultTimeout) {
    return new BinanceSettings(nodeId, orderResultTimeout, RateLimitSettings.binance(), Topic::name, Clock.systemUTC());
  }

  /** A topic under the name these settings give it. */
  public <V extends org.apache.avro.specific.SpecificRecord> Topic<V> named(Topic<V> topic) {
    return new Topic<>(topicName.apply(topic), topic.keyedBy(), topic.valueSerde());
  }
}
