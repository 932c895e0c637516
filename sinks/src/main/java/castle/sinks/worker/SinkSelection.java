package castle.sinks.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Which sinks to run and their settings, as operators write them: a list such as {@code
 * jdbc,dynamodb} and a properties file where each connector setting carries its sink's name as a
 * prefix, for example {@code dynamodb.aws.region=eu-west-1} or {@code jdbc.jdbc.url=jdbc:postgresql://...}.
 */
public final class SinkSelection {

  private SinkSelection() {}

  /** The chosen sinks with their settings from {@code file} (which may be null). */
  public static Map<Sink, Map<String, String>> of(String enabled, Path file) {
    Properties props = new Properties();
    if (file != null) {
      try (InputStream in = Files.newInputStream(file)) {
        props.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read sink settings " + file, e);
      }
    }
    return of(enabled, props);
  }

  /** The chosen sinks with their settings from {@code props}. */
  public static Map<Sink, Map<String, String>> of(String enabled, Properties props) {
    Map<Sink, Map<String, String>> sinks = new EnumMap<>(Sink.class);
    Arrays.stream(enabled.split(",")).map(String::trim).filter(s -> !s.isEmpty() && !s.equals("none"))
        .forEach(id -> sinks.put(Sink.of(id), new HashMap<>()));
    for (String key : props.stringPropertyNames()) {
      int dot = key.indexOf('.');
      if (dot > 0) {
        Sink sink = Sink.of(key.substring(0, dot));
        if (sinks.containsKey(sink)) {
          sinks.get(sink).put(key.substring(dot + 1), props.getProperty(key));
        }
      }
    }
    return sinks;
  }
}
