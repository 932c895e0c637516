package castle.accounts.query;

import java.util.OptionalLong;

/**
 * Which part of a history to read, as Binance's allOrders and myTrades take it:
 *
 * <ul>
 *   <li>{@code fromId} set: entries with an id (orderId, tradeId) from it upwards, oldest first;
 *   <li>else {@code startTime} set: entries from that time on, oldest first;
 *   <li>else: the most recent entries (up to {@code endTime} if set), returned oldest first.
 * </ul>
 *
 * Times filter on the entry's time (order placed, trade executed), both ends inclusive.
 *
 * @param fromId the first id, if any
 * @param startTime the earliest time, epoch ms, if any
 * @param endTime the latest time, epoch ms, if any
 * @param limit at most this many entries, 1..1000 (Binance's default is 500)
 */
public record Page(OptionalLong fromId, OptionalLong startTime, OptionalLong endTime, int limit) {

  /** Binance's default page size. */
  public static final int DEFAULT_LIMIT = 500;

  /** Binance's largest page size. */
  public static final int MAX_LIMIT = 1000;

  /** Checks the limit. */
  public Page {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
    }
  }

  /** The most recent {@code limit} entries. */
  public static Page latest(int limit) {
    return new Page(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), limit);
  }

  /** Up to {@code limit} entries from id {@code fromId}. */
  public static Page fromId(long fromId, int limit) {
    return new Page(OptionalLong.of(fromId), OptionalLong.empty(), OptionalLong.empty(), limit);
  }

  /** Up to {@code limit} entries with times in {@code [startTime, endTime]}, oldest first. */
  public static Page between(long startTime, long endTime, int limit) {
    return new Page(OptionalLong.empty(), OptionalLong.of(startTime), OptionalLong.of(endTime), limit);
  }

  /** Whether the page reads the newest entries (backwards from the end). */
  boolean newestFirst() {
    return fromId.isEmpty() && startTime.isEmpty();
  }

  /** Whether an entry of this time is on the page. */
  boolean includes(long time) {
    return (startTime.isEmpty() || time >= startTime.getAsLong()) && (endTime.isEmpty() || time <= endTime.getAsLong());
  }
}
