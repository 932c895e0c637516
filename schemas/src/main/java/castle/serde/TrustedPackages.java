package castle.serde;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Avro 1.12 only instantiates classes it trusts while decoding. Castle's generated classes live under
 * {@code castle.schema}, which this adds to whatever the JVM already trusts.
 */
final class TrustedPackages {

  static final String CASTLE_SCHEMAS = "castle.schema.";

  private static boolean installed;

  private TrustedPackages() {}

  static synchronized void install() {
    if (installed) {
      return;
    }
    ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(
            previous, type -> type.getName().startsWith(CASTLE_SCHEMAS)));
    installed = true;
  }
}
