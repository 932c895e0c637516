package castle.sinks.convert;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * The value converter of Castle's connectors: turns a topic value into the generated Avro class
 * ({@code Execution}, {@code Candle}, ...) that the tasks work with, schemaless in Connect's terms.
 *
 * <p>Decoding here rather than in the tasks puts a record that is not Castle's Avro under Connect's
 * own error handling: with {@code errors.tolerance=all} it goes to the dead-letter topic with the
 * reason in its headers, and the task never sees it.
 */
public final class CastleAvroConverter implements Converter {

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (isKey) {
      throw new IllegalArgumentException("Castle keys are UTF-8 strings: use StringConverter for keys");
    }
  }

  @Override
  public byte[] fromConnectData(String topic, Schema schema, Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof SpecificRecord record)) {
      throw new DataException("Expected a Castle Avro record, got " + value.getClass().getName());
    }
    return CastleRecords.encode(record);
  }

  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    if (value == null) {
      return SchemaAndValue.NULL;
    }
    try {
      return new SchemaAndValue(null, CastleRecords.decode(value));
    } catch (SerializationException e) {
      throw new DataException("Cannot decode a record of topic " + topic + ": " + e.getMessage(), e);
    }
  }
}
