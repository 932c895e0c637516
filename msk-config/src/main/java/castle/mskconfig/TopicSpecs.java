package castle.mskconfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the topic specs file ({@code castle/topics.yaml} on the classpath, or a file given by the
 * operator) and resolves it for one profile.
 */
public final class TopicSpecs {

  /** The specs shipped with Castle. */
  public static final String DEFAULT_RESOURCE = "castle/topics.yaml";

  private TopicSpecs() {}

  /** The shipped specs, resolved for a profile such as {@code local} or {@code msk}. */
  public static List<TopicSpec> load(String profile) {
    try (InputStream in = TopicSpecs.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + DEFAULT_RESOURCE);
      }
      return parse(in, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The specs in a file, resolved for a profile. */
  public static List<TopicSpec> load(Path file, String profile) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, profile);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read topic specs " + file, e);
    }
  }

  /** Parses a specs document and resolves it for a profile; refuses unequal co-partitioned counts. */
  public static List<TopicSpec> parse(InputStream yaml, String profile) {
    Map<String, Object> root = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml), "document");
    Map<String, Object> profiles = map(root.get("profiles"), "profiles");
    if (!profiles.containsKey(profile)) {
      throw new IllegalArgumentException("Unknown profile '" + profile + "'; the specs define " + profiles.keySet());
    }
    Map<String, Object> defaults = map(profiles.get(profile), "profiles." + profile);
    short replication = (short) integer(defaults.get("replicationFactor"), "replicationFactor");
    String minIsr = Integer.toString(integer(defaults.get("minInsyncReplicas"), "minInsyncReplicas"));

    List<TopicSpec> specs = new ArrayList<>();
    for (Map.Entry<String, Object> entry : map(root.get("topics"), "topics").entrySet()) {
      String name = entry.getKey();
      Map<String, Object> topic = map(entry.getValue(), name);
      Map<String, Object> partitions = map(topic.get("partitions"), name + ".partitions");
      if (!partitions.containsKey(profile)) {
        throw new IllegalArgumentException("Topic " + name + " has no partition count for profile " + profile);
      }
      Map<String, String> configs = new TreeMap<>();
      configs.put("cleanup.policy", string(topic.get("cleanupPolicy"), name + ".cleanupPolicy"));
      configs.put("retention.ms", Long.toString(retentionMs(string(topic.get("retention"), name + ".retention"))));
      configs.put("min.insync.replicas", minIsr);
      Object extra = topic.get("configs");
      if (extra != null) {
        map(extra, name + ".configs").forEach((k, v) -> configs.put(k, String.valueOf(v)));
      }
      specs.add(
          new TopicSpec(
              name,
              integer(partitions.get(profile), name + ".partitions." + profile),
              replication,
              Map.copyOf(configs),
              (String) topic.get("copartition")));
    }
    checkCopartitioning(specs);
    return List.copyOf(specs);
  }

  /** Milliseconds in a retention such as {@code 30m}, {@code 24h}, {@code 7d} or {@code forever}. */
  static long retentionMs(String text) {
    if (text.equals("forever")) {
      return -1;
    }
    long amount = Long.parseLong(text.substring(0, text.length() - 1));
    return switch (text.charAt(text.length() - 1)) {
      case 'm' -> amount * 60_000L;
      case 'h' -> amount * 3_600_000L;
      case 'd' -> amount * 86_400_000L;
      default -> throw new IllegalArgumentException("Retention must end in m, h or d, or be 'forever': " + text);
    };
  }

  private static void checkCopartitioning(List<TopicSpec> specs) {
    Map<String, TopicSpec> firstOfGroup = new HashMap<>();
    for (TopicSpec spec : specs) {
      if (spec.copartitionGroup() == null) {
        continue;
      }
      TopicSpec first = firstOfGroup.putIfAbsent(spec.copartitionGroup(), spec);
      if (first != null && first.partitions() != spec.partitions()) {
        throw new IllegalArgumentException(
            "Co-partitioned topics "
                + first.name()
                + " and "
                + spec.name()
                + " (group "
                + spec.copartitionGroup()
                + ") must have equal partition counts, not "
                + first.partitions()
                + " and "
                + spec.partitions());
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String where) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("Expected a mapping at " + where);
    }
    return new LinkedHashMap<>((Map<String, Object>) value);
  }

  private static int integer(Object value, String where) {
    if (!(value instanceof Integer)) {
      throw new IllegalArgumentException("Expected an integer at " + where);
    }
    return (Integer) value;
  }

  private static String string(Object value, String where) {
    if (value == null) {
      throw new IllegalArgumentException("Missing " + where);
    }
    return String.valueOf(value);
  }
}
