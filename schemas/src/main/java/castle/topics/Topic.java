package castle.topics;

import castle.serde.AvroSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A Kafka topic with its key and value types. Every key in Castle is a UTF-8 string: an account or
 * user id in decimal, a symbol, an email or an API key, as the topic's documentation says.
 *
 * @param name the topic name
 * @param keyedBy what the key is, in words
 * @param valueSerde the value serde
 * @param <V> the value type
 */
public record Topic<V extends SpecificRecord>(String name, String keyedBy, AvroSerde<V> valueSerde) {

  private static final Serde<String> KEY_SERDE = Serdes.String();

  /** The serde of every Castle key. */
  public Serde<String> keySerde() {
    return KEY_SERDE;
  }

  /** The value class. */
  public Class<V> valueType() {
    return valueSerde.type();
  }

  static <V extends SpecificRecord> Topic<V> of(String name, String keyedBy, Class<V> type) {
    return new Topic<>(name, keyedBy, AvroSerde.of(type));
  }
}
