package castle.matching.book;

/**
 * Orders by id in an open-addressing hash table of primitive longs: no boxing, no entry objects,
 * and removal by backward shifting so lookups never wade through tombstones. The load factor stays
 * at most one half.
 */
final class OrderIndex {

  private long[] keys = new long[64];
  private Order[] values = new Order[64];
  private int mask = 63;
  private int size;

  Order get(long orderId) {
    for (int i = slot(orderId); ; i = (i + 1) & mask) {
      Order value = values[i];
      if (value == null || keys[i] == orderId) {
        return value;
      }
    }
  }

  void put(long orderId, Order order) {
    if (2 * (size + 1) > values.length) {
      grow();
    }
    int i = slot(orderId);
    while (values[i] != null && keys[i] != orderId) {
      i = (i + 1) & mask;
    }
    if (values[i] == null) {
      size++;
    }
    keys[i] = orderId;
    values[i] = order;
  }

  Order remove(long orderId) {
    int i = slot(orderId);
    while (values[i] != null && keys[i] != orderId) {
      i = (i + 1) & mask;
    }
    Order removed = values[i];
    if (removed == null) {
      return null;
    }
    values[i] = null;
    size--;
    // Shift later entries of the probe chain back into the hole, unless their home slot lies
    // cyclically after the hole (then they are already as close to home as they can be).
    for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
      int home = slot(keys[j]);
      boolean stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
      if (!stays) {
        keys[i] = keys[j];
        values[i] = values[j];
        values[j] = null;
        i = j;
      }
    }
    return removed;
  }

  int size() {
    return size;
  }

  private int slot(long key) {
    long h = key;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (int) h & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    Order[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Order[oldValues.length * 2];
    mask = values.length - 1;
    size = 0;
    for (int i = 0; i < oldValues.length; i++) {
      if (oldValues[i] != null) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }
}
