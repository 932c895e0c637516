package castle.sinks.jdbc.tables;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Epoch milliseconds as the {@code timestamptz} values the tables store. */
final class Times {

  private Times() {}

  static OffsetDateTime at(long epochMillis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }
}
