package castle.accounts.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A range scan over one or more stores with the same key layout, merged in key order (for the open
 * orders and the order history together), filtered, and cut at a limit.
 */
final class SortedScan {

  private SortedScan() {}

  /**
   * Up to {@code limit} values kept by {@code keep} with keys in {@code [from, to]}, in ascending key
   * order; when {@code newestFirst}, the scan starts from the highest key, so the result is the last
   * {@code limit} kept values (still returned in ascending order).
   */
  static <V> List<V> collect(List<ReadOnlyKeyValueStore<String, V>> stores, String from, String to,
      boolean newestFirst, Predicate<V> keep, int limit) {
    List<KeyValueIterator<String, V>> iterators = new ArrayList<>();
    try {
      for (ReadOnlyKeyValueStore<String, V> store : stores) {
        iterators.add(newestFirst ? store.reverseRange(from, to) : store.range(from, to));
      }
      List<V> values = new ArrayList<>();
      while (values.size() < limit) {
        KeyValueIterator<String, V> next = null;
        for (KeyValueIterator<String, V> candidate : iterators) {
          if (candidate.hasNext() && (next == null || comesFirst(candidate.peekNextKey(), next.peekNextKey(), newestFirst))) {
            next = candidate;
          }
        }
        if (next == null) {
          break;
        }
        V value = next.next().value;
        if (keep.test(value)) {
          values.add(value);
        }
      }
      if (newestFirst) {
        Collections.reverse(values);
      }
      return values;
    } finally {
      iterators.forEach(KeyValueIterator::close);
    }
  }

  private static boolean comesFirst(String key, String than, boolean descending) {
    int order = key.compareTo(than);
    return descending ? order > 0 : order < 0;
  }
}
