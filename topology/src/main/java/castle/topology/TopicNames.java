package castle.topology;

import castle.topics.Topic;

/**
 * The names an app gives Castle's topics: the registry's names in every deployment, or the same
 * names behind a prefix so that tests sharing one broker keep their records apart.
 *
 * @param prefix put before every registry name; empty in production
 */
public record TopicNames(String prefix) {

  /** The registry's names, as deployed. */
  public static TopicNames standard() {
    return new TopicNames("");
  }

  /** Every name behind {@code prefix}. */
  public static TopicNames prefixed(String prefix) {
    return new TopicNames(prefix);
  }

  /** The name this app uses for {@code topic}. */
  public String of(Topic<?> topic) {
    return prefix + topic.name();
  }
}
