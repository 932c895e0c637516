package castle.sinks.jdbc.tables;

import castle.schema.users.UserEvent;
import castle.schema.users.UserEventType;
import castle.sinks.jdbc.Row;
import castle.sinks.jdbc.Upsert;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code users}: each user's latest profile. User events carry no secrets, and this table keeps no API
 * keys either. A user's events all sit in one partition of {@code users.events} (keyed by user id), in
 * order, so the event's offset orders them: a row is replaced only by an event from a later offset.
 */
public final class UsersTable {

  static final String SQL =
      Upsert.into("users")
          .columns("user_id", "email", "role", "kyc_status", "kyc_tier", "fee_tier", "last_event", "last_reason",
              "registered_at", "updated_at", "source_partition", "source_offset")
          .cast("registered_at", "timestamptz")
          .updateWith("registered_at", "COALESCE(users.registered_at, EXCLUDED.registered_at)")
          .key("user_id")
          .replaceWhen("users.source_offset < EXCLUDED.source_offset");

  private UsersTable() {}

  /** The row of a user event, or empty for an event that changed no user (a rejected command). */
  public static Optional<Row> row(UserEvent u, int partition, long offset) {
    if (u.getUserId() == 0 || u.getType() == UserEventType.COMMAND_REJECTED) {
      return Optional.empty();
    }
    Object registeredAt = u.getType() == UserEventType.REGISTERED ? Times.at(u.getTime()) : null;
    return Optional.of(new Row(SQL, Arrays.asList(u.getUserId(), u.getEmail(), u.getRole().name(),
        u.getKycStatus().name(), u.getKycTier(), u.getFeeTier(), u.getType().name(), u.getReason(), registeredAt,
        Times.at(u.getTime()), partition, offset)));
  }
}
