package castle.serde;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Avro 1.12 only instantiates classes it trusts, while decoding and while copying records (builders
 * copy enums through it). Castle's generated classes live under {@code castle.schema}, which this
 * adds to whatever the JVM already trusts. {@link AvroSerde} installs it; entry points that build
 * records before any serde exists call {@link #install()} first.
 */
public final class AvroTrust {

  /** Package prefix of every generated class. */
  public static final String CASTLE_SCHEMAS = "castle.schema.";

  private static boolean installed;

  private AvroTrust() {}

  /** Trusts Castle's generated classes; calling it again does nothing. */
  public static synchronized void install() {
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
