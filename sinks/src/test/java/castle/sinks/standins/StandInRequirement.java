package castle.sinks.standins;

import org.junit.jupiter.api.Assumptions;

/**
 * What happens when a stand-in is not installed on this machine. On a machine with only a JDK and
 * Maven, the tests that need it are skipped with the reason and the fix; with {@code
 * -Dcastle.standins=required} (as {@code .ci/run} sets) they fail instead, so CI never passes by
 * skipping.
 */
final class StandInRequirement {

  static final String PROPERTY = "castle.standins";

  private StandInRequirement() {}

  /** Stops the calling test: skipped normally, failed where stand-ins are required. */
  static void missing(String reason) {
    if ("required".equals(System.getProperty(PROPERTY))) {
      throw new IllegalStateException(reason);
    }
    Assumptions.abort(reason + " (skipped; .ci/run installs it and requires it)");
  }
}
