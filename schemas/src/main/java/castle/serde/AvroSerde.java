package castle.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for Castle's generated Avro classes, in Avro's single-object encoding: two marker bytes
 * ({@code C3 01}), the writer schema's 8-byte CRC-64-AVRO fingerprint (little-endian), then the
 * binary record.
 *
 * <p>The fingerprint names the writer schema, so no registry is needed: the reader looks it up among
 * the current schema and every released version in {@link SchemaHistory} and resolves the record to
 * the current class. A fingerprint it does not know is a clear error, never a silent mis-read. The
 * encoder and decoder are thread-safe, so one instance may serve many threads.
 *
 * @param <T> the generated record class
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final Class<T> type;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  private AvroSerde(Class<T> type) {
    AvroTrust.install();
    this.type = type;
    SpecificData data = SpecificData.getForClass(type);
    Schema current = data.getSchema(type);
    this.encoder = new BinaryMessageEncoder<>(data, current);
    this.decoder = new BinaryMessageDecoder<>(data, current);
    for (Schema released : SchemaHistory.versions(current.getFullName())) {
      decoder.addSchema(released);
    }
  }

  /** A serde for the given generated class. */
  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    return new AvroSerde<>(type);
  }

  /** The generated class this serde reads and writes. */
  public Class<T> type() {
    return type;
  }

  /** Encodes one record; null stays null so tombstones pass through. */
  public byte[] encode(T record) {
    if (record == null) {
      return null;
    }
    try {
      ByteBuffer buffer = encoder.encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException | AvroRuntimeException e) {
      throw new SerializationException("Cannot encode " + type.getName() + ": " + e.getMessage(), e);
    }
  }

  /** Decodes one record written with the current or any released schema; null stays null. */
  public T decode(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return decoder.decode(bytes);
    } catch (MissingSchemaException e) {
      throw new SerializationException(
          "Unknown schema fingerprint "
              + fingerprintOf(bytes)
              + " for "
              + type.getName()
              + ": the writer used a schema that is neither the current one nor in "
              + SchemaHistory.ROOT
              + type.getName()
              + "/; upgrade this reader",
          e);
    } catch (BadHeaderException e) {
      throw new SerializationException(
          "Not an Avro single-object record of " + type.getName() + ": " + e.getMessage(), e);
    } catch (IOException | AvroRuntimeException e) {
      throw new SerializationException("Cannot decode " + type.getName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, record) -> encode(record);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> decode(bytes);
  }

  /** The fingerprint in a single-object header, as hex, or a note that there is none. */
  static String fingerprintOf(byte[] bytes) {
    if (bytes.length < 10) {
      return "(record too short for a header)";
    }
    long fingerprint = 0;
    for (int i = 9; i >= 2; i--) {
      fingerprint = (fingerprint << 8) | (bytes[i] & 0xFF);
    }
    return String.format("0x%016x", fingerprint);
  }
}
