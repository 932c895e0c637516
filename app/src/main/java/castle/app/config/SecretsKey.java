package castle.app.config;

import castle.gateway.security.SecretBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * The 32-byte key API secrets are sealed with ({@link SecretBox}): given as base64 to the roles of a
 * cluster (from a secret store or KMS), or kept in the local role's data directory, created on first
 * start readable by its owner only.
 */
public final class SecretsKey {

  /** The key file in a local data directory. */
  public static final String LOCAL_FILE = "secrets.key";

  private SecretsKey() {}

  /** The key from its base64 text; refuses anything but 32 bytes. */
  public static byte[] decode(String base64) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--secrets-key must be base64 (of " + SecretBox.KEY_BYTES + " random bytes)");
    }
    if (key.length != SecretBox.KEY_BYTES) {
      throw new IllegalArgumentException("--secrets-key must decode to " + SecretBox.KEY_BYTES + " bytes, not " + key.length);
    }
    return key;
  }

  /** The local installation's key, created in {@code dataDir} on first use. */
  public static byte[] local(Path dataDir) {
    Path file = dataDir.resolve(LOCAL_FILE);
    try {
      if (Files.isRegularFile(file)) {
        return decode(Files.readString(file, StandardCharsets.US_ASCII));
      }
      byte[] key = SecretBox.newKey();
      writeOwnerOnly(file, Base64.getEncoder().encodeToString(key));
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create " + file, e);
    }
  }

  private static void writeOwnerOnly(Path file, String text) throws IOException {
    Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(temp);
    }
    Files.writeString(temp, text, StandardCharsets.US_ASCII);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
  }
}
