package castle.sinks.worker;

import static org.assertj.core.api.Assertions.assertThat;

import castle.sinks.kit.SharedWorker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.util.FutureCallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The MSK Connect connector configurations, checked as Connect checks a configuration before it
 * creates a connector: the real worker validates the framework's settings and the connector's own
 * ConfigDef, as {@code PUT /connector-plugins/{plugin}/config/validate} does. Validation ignores
 * settings that nothing defines, though, so an option renamed in a ConfigDef would leave the old name
 * in a file and the connector on AWS silently on the default; every key must therefore be one the
 * worker knows, or a consumer override naming a real consumer setting. The framework here is this
 * build's Connect, newer than MSK Connect's 3.7, so only the connectors' own settings are checked
 * exactly as AWS will see them.
 */
class MskConnectConfigurationsTest {

  /**
   * Where the files are edited and deployed from ({@code aws kafkaconnect create-connector
   * --cli-input-json file://...}); the tests run in the sinks module's directory.
   */
  private static final Path DIR = Path.of("..", "msk-config", "src", "main", "resources", "castle", "msk-connect");
  private static final String CONSUMER_OVERRIDE = "consumer.override.";
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> connectorConfigurations() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("connectorConfigurations")
  void everySettingIsDefinedAndValid(Path file) throws Exception {
    // Given the configuration as MSK Connect hands it to Connect: the connector's name comes from outside
    Map<String, String> config = connectorConfiguration(file);

    // When the worker validates it
    ConfigInfos validation = validate(config);

    // Then no value is wrong, and every key is defined by Connect or by the connector
    Map<String, List<String>> errors = validation.configs().stream()
        .filter(info -> !info.configValue().errors().isEmpty())
        .collect(Collectors.toMap(info -> info.configValue().name(), info -> info.configValue().errors()));
    assertThat(errors).as("settings %s refuses in %s", validation.name(), file.getFileName()).isEmpty();
    Set<String> known = validation.configs().stream().map(info -> info.configValue().name())
        .collect(Collectors.toSet());
    assertThat(config.keySet().stream().filter(key -> !isDefined(key, known)))
        .as("settings no one defines in %s", file.getFileName()).isEmpty();
  }

  @Test
  void everyCastleConnectorHasAConfiguration() throws IOException {
    Set<String> configured = connectorConfigurations().stream()
        .map(file -> connectorConfiguration(file).get("connector.class")).collect(Collectors.toSet());

    assertThat(configured).containsAll(Arrays.stream(Sink.values()).map(sink -> sink.connector().getName()).toList());
  }

  private static Map<String, String> connectorConfiguration(Path file) {
    try {
      JsonNode json = JSON.readTree(file.toFile());
      Map<String, String> config = new LinkedHashMap<>();
      json.path("connectorConfiguration").properties().forEach(setting -> config.put(setting.getKey(), setting.getValue().asText()));
      config.put("name", json.path("connectorName").asText());
      return config;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + file, e);
    }
  }

  private static ConfigInfos validate(Map<String, String> config) throws Exception {
    FutureCallback<ConfigInfos> result = new FutureCallback<>();
    SharedWorker.get().herder().validateConnectorConfig(config, result);
    return result.get(60, TimeUnit.SECONDS);
  }

  private static boolean isDefined(String key, Set<String> known) {
    if (key.startsWith(CONSUMER_OVERRIDE)) {
      // The worker accepts any override its policy allows, whether or not the consumer has such a setting.
      return ConsumerConfig.configNames().contains(key.substring(CONSUMER_OVERRIDE.length()));
    }
    return known.contains(key);
  }
}
