package castle.iq.market;

import java.util.Map;

/**
 * The parameters of a forwarded market query. The gateway has validated them already, so a missing
 * or malformed one is a caller's bug, reported as {@link IllegalArgumentException} (a 400 between
 * instances).
 */
final class QueryParams {

  private final Map<String, String> values;

  QueryParams(Map<String, String> values) {
    this.values = values;
  }

  long requiredLong(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("Missing query parameter " + name);
    }
    return parse(name, value);
  }

  Long optionalLong(String name) {
    String value = values.get(name);
    return value == null ? null : parse(name, value);
  }

  int requiredInt(String name) {
    return Math.toIntExact(requiredLong(name));
  }

  String required(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("Missing query parameter " + name);
    }
    return value;
  }

  private static long parse(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Query parameter " + name + " is not a number: " + value);
    }
  }
}
