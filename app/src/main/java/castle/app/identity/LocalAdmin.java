package castle.app.identity;

import castle.gateway.NativeApi;
import castle.gateway.security.OwnerOnlyFiles;
import castle.schema.users.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local exchange's operator account. On first start the local role creates an admin with a
 * random email and password and writes them, with the gateway's URL, to {@code <data-dir>/admin.json}
 * (mode 0600); {@code castle admin} reads that file by default. The file is written before the admin
 * is registered and reused on every start, so a crash in between is repaired on the next start; if the
 * file is deleted, the next start makes a new admin rather than guessing an old password.
 */
public final class LocalAdmin {

  /** The credentials file's name in the data directory. */
  public static final String FILE = "admin.json";

  private static final Logger LOG = LoggerFactory.getLogger(LocalAdmin.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  /**
   * What {@code castle admin} needs to act as the local admin.
   *
   * @param url the gateway's base URL
   * @param email the admin's email
   * @param password the admin's password
   */
  public record Credentials(String url, String email, String password) {}

  private LocalAdmin() {}

  /** Makes sure the admin in {@code dataDir}'s credentials file exists, creating both as needed. */
  public static Credentials ensure(Path dataDir, String url, NativeApi api) throws IOException {
    Path file = dataDir.resolve(FILE);
    Credentials stored = read(file);
    Credentials credentials = stored != null
        ? new Credentials(url, stored.email(), stored.password())
        : new Credentials(url, "admin-" + HexFormat.of().formatHex(randomBytes(4)) + "@castle.local", randomPassword());
    write(file, credentials);
    if (api.users().profile(credentials.email()).isEmpty()) {
      api.registration().register(credentials.email(), credentials.password(), Role.ADMIN);
      LOG.info("Created the local admin {}; its credentials are in {}", credentials.email(), file);
    }
    return credentials;
  }

  /** The credentials in {@code file}, or null when there is none. */
  public static Credentials read(Path file) throws IOException {
    var text = OwnerOnlyFiles.read(file);
    if (text.isEmpty()) {
      return null;
    }
    Map<?, ?> json = JSON.readValue(text.get(), Map.class);
    return new Credentials((String) json.get("url"), (String) json.get("email"), (String) json.get("password"));
  }

  private static void write(Path file, Credentials credentials) throws IOException {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("url", credentials.url());
    json.put("email", credentials.email());
    json.put("password", credentials.password());
    OwnerOnlyFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
  }

  private static String randomPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
