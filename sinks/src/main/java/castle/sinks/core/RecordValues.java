package castle.sinks.core;

import org.apache.kafka.connect.sink.SinkRecord;

/** Reads the decoded Castle record out of a sink record, or declares the record poison. */
public final class RecordValues {

  private RecordValues() {}

  /** The record's value as {@code type}; a tombstone or another type is poison. */
  public static <T> T valueOf(SinkRecord record, Class<T> type) {
    Object value = record.value();
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    throw new PoisonRecordException(
        "Expected a " + type.getName() + " on topic " + record.topic() + " but got "
            + (value == null ? "a null value" : value.getClass().getName())
            + "; is value.converter castle.sinks.convert.CastleAvroConverter?");
  }
}
