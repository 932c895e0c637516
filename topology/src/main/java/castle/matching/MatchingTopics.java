package castle.matching;

import castle.topics.Topics;

/**
 * The topic names matching reads and writes. Production uses Castle's topics; tests on a shared
 * broker prefix them, so runs never see each other's records.
 *
 * @param accepted accepted commands, keyed by symbol
 * @param symbols symbol configurations, co-partitioned with {@code accepted}
 * @param executions executions, keyed by account
 * @param trades trades, keyed by symbol
 * @param depth depth updates, keyed by symbol
 */
public record MatchingTopics(String accepted, String symbols, String executions, String trades, String depth) {

  /** Castle's own topics. */
  public static final MatchingTopics CASTLE = prefixed("");

  /** Castle's topics with {@code prefix} before every name. */
  public static MatchingTopics prefixed(String prefix) {
    return new MatchingTopics(
        prefix + Topics.ORDERS_ACCEPTED.name(),
        prefix + Topics.SYMBOLS.name(),
        prefix + Topics.ORDER_EXECUTIONS.name(),
        prefix + Topics.MARKET_TRADES.name(),
        prefix + Topics.MARKET_DEPTH.name());
  }
}
