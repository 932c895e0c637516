package castle.iq.accounts;

import castle.accounts.query.Page;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The parameters of account queries as they travel between instances (strings in a URL), written by
 * {@link AccountReads} and read by the queries. A malformed one is the caller's bug: it fails with
 * IllegalArgumentException, a 400 between instances.
 */
final class QueryParams {

  static final String SYMBOL = "symbol";
  static final String ORDER_ID = "orderId";
  static final String CLIENT_ORDER_ID = "clientOrderId";
  static final String FROM_ID = "fromId";
  static final String START_TIME = "startTime";
  static final String END_TIME = "endTime";
  static final String LIMIT = "limit";

  private final Map<String, String> values;

  QueryParams(Map<String, String> values) {
    this.values = values;
  }

  /** Parameters of a page of history. */
  static Map<String, String> of(Page page) {
    Map<String, String> values = new HashMap<>();
    page.fromId().ifPresent(id -> values.put(FROM_ID, Long.toString(id)));
    page.startTime().ifPresent(time -> values.put(START_TIME, Long.toString(time)));
    page.endTime().ifPresent(time -> values.put(END_TIME, Long.toString(time)));
    values.put(LIMIT, Integer.toString(page.limit()));
    return values;
  }

  String required(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing parameter " + name);
    }
    return value;
  }

  String optional(String name) {
    return values.get(name);
  }

  OptionalLong optionalLong(String name) {
    String value = values.get(name);
    return value == null ? OptionalLong.empty() : OptionalLong.of(parse(name, value));
  }

  Page page() {
    return new Page(optionalLong(FROM_ID), optionalLong(START_TIME), optionalLong(END_TIME),
        (int) optionalLong(LIMIT).orElse(Page.DEFAULT_LIMIT));
  }

  private static long parse(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a number: " + value);
    }
  }
}
