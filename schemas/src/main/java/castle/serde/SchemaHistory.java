package castle.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every released version of a schema, read from the classpath folder
 * {@code castle/schemas/history/<full.Name>/v1.avsc, v2.avsc, ...}.
 *
 * <p>Each file is a self-contained schema, exactly as it was written to Kafka by the release that
 * introduced it. Readers keep all of them so they can decode records written by any older release;
 * the build checks every current schema against all of them.
 */
public final class SchemaHistory {

  /** Classpath folder that holds one sub-folder per schema full name. */
  public static final String ROOT = "castle/schemas/history/";

  private SchemaHistory() {}

  /** The released versions of the named schema, oldest first; empty if it was never released. */
  public static List<Schema> versions(String fullName) {
    List<Schema> versions = new ArrayList<>();
    ClassLoader loader = SchemaHistory.class.getClassLoader();
    for (int version = 1; ; version++) {
      String path = resource(fullName, version);
      try (InputStream in = loader.getResourceAsStream(path)) {
        if (in == null) {
          return versions;
        }
        versions.add(new Schema.Parser().parse(in));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read schema history " + path, e);
      }
    }
  }

  /** Classpath resource of one released version. */
  public static String resource(String fullName, int version) {
    return ROOT + fullName + "/v" + version + ".avsc";
  }
}
