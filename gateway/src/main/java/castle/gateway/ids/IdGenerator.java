package castle.gateway.ids;

/**
 * Unique, roughly time-ordered 63-bit ids for commands, orders and users, made without coordination:
 * 41 bits of milliseconds since 2024-01-01, 10 bits of node id (each gateway instance has its own)
 * and 12 bits of sequence within the millisecond. 4,096 ids per millisecond per node; past that it
 * waits for the next millisecond, and a clock that steps back is waited out rather than trusted.
 */
public final class IdGenerator {

  /** 2024-01-01T00:00:00Z. */
  static final long EPOCH_MS = 1_704_067_200_000L;

  /** Largest node id. */
  public static final int MAX_NODE = (1 << 10) - 1;

  private static final int SEQUENCE_BITS = 12;
  private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

  private final long node;
  private long lastMs = -1;
  private long sequence;

  /** A generator for the given node id (0..1023), unique among running gateways. */
  public IdGenerator(int node) {
    if (node < 0 || node > MAX_NODE) {
      throw new IllegalArgumentException("Node id must be 0.." + MAX_NODE + ", was " + node);
    }
    this.node = node;
  }

  /** The next id. */
  public synchronized long next() {
    long now = System.currentTimeMillis();
    if (now < lastMs) {
      now = waitUntil(lastMs);
    }
    if (now == lastMs) {
      sequence = (sequence + 1) & SEQUENCE_MASK;
      if (sequence == 0) {
        now = waitUntil(lastMs + 1);
      }
    } else {
      sequence = 0;
    }
    lastMs = now;
    return ((now - EPOCH_MS) << (10 + SEQUENCE_BITS)) | (node << SEQUENCE_BITS) | sequence;
  }

  private static long waitUntil(long ms) {
    long now = System.currentTimeMillis();
    while (now < ms) {
      Thread.onSpinWait();
      now = System.currentTimeMillis();
    }
    return now;
  }
}
