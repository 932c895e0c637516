package castle.market;

import java.time.Duration;

/**
 * How the market app trades freshness against completeness.
 *
 * @param grace how long after its end a candle still accepts late trades before it becomes final.
 *     Trade times are the gateways' receive times and commands from different gateways reach
 *     matching in a slightly different order, so a trade can be a little older than one already
 *     seen; longer grace drops fewer such trades but publishes final candles later
 * @param idleAfter how long a partition must see no market data before the clock follows the wall
 *     clock instead, so quiet markets' candles still close. Long enough that a task catching up on
 *     a backlog after downtime is never mistaken for an idle one
 * @param emitEvery how often updated open candles and tickers are published; Binance publishes
 *     kline and ticker updates every one to two seconds
 * @param tradesKept how many recent trades per symbol the trades endpoints can serve
 */
public record MarketSettings(Duration grace, Duration idleAfter, Duration emitEvery, int tradesKept) {

  /** Production defaults. */
  public static MarketSettings defaults() {
    return new MarketSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(1), 10_000);
  }
}
