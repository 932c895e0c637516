package castle.sinks.convert;

import castle.serde.AvroSerde;
import castle.serde.SchemaHistory;
import castle.topics.Topic;
import castle.topics.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decodes any Castle topic value without being told its type: the single-object header names the
 * writer schema by fingerprint, and every topic's current and released schemas are known here. So a
 * connector reads renamed or several topics alike, and a record that is not Castle's Avro is a clear
 * error.
 */
public final class CastleRecords {

  private static final Map<Long, AvroSerde<?>> BY_FINGERPRINT = index();
  private static final Map<Class<?>, AvroSerde<?>> BY_TYPE = byType();

  private CastleRecords() {}

  /** Decodes a single-object-encoded value of any Castle topic. */
  public static SpecificRecord decode(byte[] bytes) {
    if (bytes.length < 10 || bytes[0] != (byte) 0xC3 || bytes[1] != (byte) 0x01) {
      throw new SerializationException(
          "Not a Castle record: expected Avro single-object encoding (C3 01 + fingerprint), got "
              + bytes.length
              + " bytes starting "
              + hexPrefix(bytes));
    }
    long fingerprint = 0;
    for (int i = 9; i >= 2; i--) {
      fingerprint = (fingerprint << 8) | (bytes[i] & 0xFF);
    }
    AvroSerde<?> serde = BY_FINGERPRINT.get(fingerprint);
    if (serde == null) {
      throw new SerializationException(
          String.format(
              "Unknown schema fingerprint 0x%016x: not a current or released schema of any Castle topic;"
                  + " upgrade this connector",
              fingerprint));
    }
    return serde.decode(bytes);
  }

  /** Encodes a Castle record in single-object encoding. */
  @SuppressWarnings("unchecked")
  public static <T extends SpecificRecord> byte[] encode(T record) {
    AvroSerde<T> serde = (AvroSerde<T>) BY_TYPE.get(record.getClass());
    if (serde == null) {
      throw new SerializationException(record.getClass().getName() + " is not the value type of a Castle topic");
    }
    return serde.encode(record);
  }

  private static Map<Class<?>, AvroSerde<?>> byType() {
    Map<Class<?>, AvroSerde<?>> byType = new HashMap<>();
    BY_FINGERPRINT.values().forEach(serde -> byType.put(serde.type(), serde));
    return Map.copyOf(byType);
  }

  private static Map<Long, AvroSerde<?>> index() {
    Map<Long, AvroSerde<?>> index = new HashMap<>();
    for (Topic<?> topic : Topics.all()) {
      AvroSerde<?> serde = topic.valueSerde();
      Schema current = SpecificData.get().getSchema(serde.type());
      index.put(SchemaNormalization.parsingFingerprint64(current), serde);
      for (Schema released : SchemaHistory.versions(current.getFullName())) {
        index.put(SchemaNormalization.parsingFingerprint64(released), serde);
      }
    }
    return Map.copyOf(index);
  }

  private static String hexPrefix(byte[] bytes) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < Math.min(4, bytes.length); i++) {
      hex.append(String.format("%02X ", bytes[i]));
    }
    return hex.toString().trim();
  }
}
