package castle.market.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Byte keys of the market app's ordered stores. RocksDB orders keys byte by byte, so a key starts
 * with the symbol (terminated by a zero byte, so that {@code BTC} is not a prefix of {@code BTCUSDT})
 * and continues with big-endian non-negative longs, which then sort numerically: a range scan over
 * one symbol's candles, trades, price levels or alert thresholds is a range of keys.
 */
public final class StoreKey {

  private final ByteBuffer buffer = ByteBuffer.allocate(64);

  private StoreKey() {}

  /** A key that starts with a symbol. */
  public static StoreKey symbol(String symbol) {
    return new StoreKey().text(symbol);
  }

  /** A key that starts with a long, such as an account id. */
  public static StoreKey number(long value) {
    return new StoreKey().add(value);
  }

  /** Appends a zero-terminated text. */
  public StoreKey text(String text) {
    buffer.put(text.getBytes(StandardCharsets.UTF_8)).put((byte) 0);
    return this;
  }

  /** Appends one byte, such as an interval or a book side. */
  public StoreKey add(byte value) {
    buffer.put(value);
    return this;
  }

  /** Appends a long, which must not be negative so that keys sort by it. */
  public StoreKey add(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("Store keys hold non-negative numbers only, not " + value);
    }
    buffer.putLong(value);
    return this;
  }

  /** The key. */
  public Bytes build() {
    byte[] bytes = new byte[buffer.position()];
    buffer.flip();
    buffer.get(bytes);
    return Bytes.wrap(bytes);
  }

  /** The long that ends a key. */
  public static long lastLong(Bytes key) {
    byte[] bytes = key.get();
    return ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong();
  }
}
