package castle.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option's value comes from when the command line does not give it: first the environment
 * ({@code --kafka-port} is {@code CASTLE_KAFKA_PORT}), then the properties file ({@code
 * kafka.port=9092}), then the option's built-in default.
 */
public final class CastleDefaults implements IDefaultValueProvider {

  /** The properties file read when neither {@code --config} nor {@code CASTLE_CONFIG} names one. */
  public static final Path DEFAULT_FILE = Path.of("castle.properties");

  private final Map<String, String> environment;
  private final Properties file;

  CastleDefaults(Map<String, String> environment, Properties file) {
    this.environment = environment;
    this.file = file;
  }

  /** Defaults from this process's environment and the given properties file, if it exists. */
  public static CastleDefaults from(Map<String, String> environment, Path propertiesFile) {
    Properties file = new Properties();
    if (propertiesFile != null && Files.isRegularFile(propertiesFile)) {
      try (InputStream in = Files.newInputStream(propertiesFile)) {
        file.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + propertiesFile, e);
      }
    } else if (propertiesFile != null && !propertiesFile.equals(DEFAULT_FILE)) {
      throw new IllegalArgumentException("Configuration file " + propertiesFile + " does not exist");
    }
    return new CastleDefaults(environment, file);
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option)) {
      return null;
    }
    String key = key(option.longestName());
    String fromEnvironment = environment.get(environmentName(key));
    return fromEnvironment != null ? fromEnvironment : file.getProperty(key);
  }

  /** The properties-file key of an option: {@code --kafka-port} becomes {@code kafka.port}. */
  public static String key(String optionName) {
    return optionName.replaceFirst("^-+", "").replace('-', '.');
  }

  /** The environment variable of a key: {@code kafka.port} becomes {@code CASTLE_KAFKA_PORT}. */
  static String environmentName(String key) {
    return "CASTLE_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
  }
}
