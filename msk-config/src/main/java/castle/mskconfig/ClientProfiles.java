package castle.mskconfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Kafka client settings for where Castle runs: {@code local} (PLAINTEXT on loopback) or {@code
 * msk-iam} (TLS with AWS IAM authentication through aws-msk-iam-auth). The bootstrap servers come from
 * configuration, not from the profile.
 */
public final class ClientProfiles {

  /** Names of the shipped profiles. */
  public static final java.util.List<String> NAMES = java.util.List.of("local", "msk-iam");

  private ClientProfiles() {}

  /** The client properties of a profile. */
  public static Map<String, String> load(String profile) {
    if (!NAMES.contains(profile)) {
      throw new IllegalArgumentException("Unknown client profile '" + profile + "'; choose one of " + NAMES);
    }
    String resource = "castle/clients/" + profile + ".properties";
    try (InputStream in = ClientProfiles.class.getClassLoader().getResourceAsStream(resource)) {
      Properties props = new Properties();
      props.load(in);
      Map<String, String> result = new TreeMap<>();
      props.forEach((k, v) -> result.put((String) k, (String) v));
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
