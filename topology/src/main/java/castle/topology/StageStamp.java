package castle.topology;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The wall-clock stamp a stage adds to the records it emits, for latency breakdowns: header
 * {@code castle.t.<stage>}, epoch microseconds as 8 bytes big-endian. Stamps travel in headers only,
 * never in values, so outputs stay byte-identical on replay.
 */
public final class StageStamp {

  /** The header the gateway stamps when it receives a request. */
  public static final String GATEWAY = "castle.t.gateway";

  /** The header accounts stamps on what it forwards and emits. */
  public static final String ACCOUNTS = "castle.t.accounts";

  /** The header matching stamps. */
  public static final String MATCHING = "castle.t.matching";

  private StageStamp() {}

  /** A copy of {@code inherited} (earlier stages' stamps) plus this stage's stamp, taken now. */
  public static Headers stamp(Headers inherited, String header) {
    RecordHeaders headers = new RecordHeaders(inherited.toArray());
    headers.remove(header);
    headers.add(header, ByteBuffer.allocate(Long.BYTES).putLong(nowMicros()).array());
    return headers;
  }

  /** Reads a stamp back, epoch microseconds; -1 when the header is absent. */
  public static long read(Headers headers, String header) {
    var value = headers.lastHeader(header);
    return value == null ? -1 : ByteBuffer.wrap(value.value()).getLong();
  }

  private static long nowMicros() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
  }
}
