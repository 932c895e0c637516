package castle.gateway.market.ws;

/**
 * One event of one stream, as raw JSON and, computed once for all combined-stream clients, wrapped
 * as {@code {"stream":"<name>","data":<event>}}.
 */
final class Event {

  private final String stream;
  private final String raw;
  private String combined;

  Event(String stream, String raw) {
    this.stream = stream;
    this.raw = raw;
  }

  String raw() {
    return raw;
  }

  synchronized String combined() {
    if (combined == null) {
      combined = "{\"stream\":\"" + stream + "\",\"data\":" + raw + "}";
    }
    return combined;
  }
}
