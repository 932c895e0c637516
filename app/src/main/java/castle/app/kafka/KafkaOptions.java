package castle.app.kafka;

import castle.mskconfig.ClientProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/** How a role reaches a Kafka cluster: the bootstrap servers and a client profile. */
public final class KafkaOptions {

  @Option(
      names = "--bootstrap-servers",
      defaultValue = "127.0.0.1:9092",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(
      names = "--client-profile",
      defaultValue = "local",
      description = "Kafka client profile: local (PLAINTEXT) or msk-iam (TLS + IAM). Default: ${DEFAULT-VALUE}.")
  String clientProfile;

  @Option(
      names = "--client-config",
      description = "A properties file of further Kafka client settings, applied last.")
  Path clientConfig;

  /** Options pointing at the given servers with the local profile. */
  public static KafkaOptions local(String bootstrapServers) {
    KafkaOptions options = new KafkaOptions();
    options.bootstrapServers = bootstrapServers;
    options.clientProfile = "local";
    return options;
  }

  /** The bootstrap servers. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Common client properties: bootstrap servers, the profile's security settings, then the file. */
  public Map<String, Object> clientProperties() {
    Map<String, Object> props = new HashMap<>(ClientProfiles.load(clientProfile));
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    if (clientConfig != null) {
      Properties extra = new Properties();
      try (InputStream in = Files.newInputStream(clientConfig)) {
        extra.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + clientConfig, e);
      }
      extra.forEach((k, v) -> props.put((String) k, v));
    }
    return props;
  }
}
