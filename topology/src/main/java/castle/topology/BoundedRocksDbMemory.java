package castle.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the native memory of every RocksDB store in the JVM. Kafka's default gives each store its
 * own 50 MB block cache and three 16 MB memtables, which for Castle's many small stores across four
 * apps would be gigabytes; here all stores share one 192 MB cache that also holds their memtables.
 * Writes stall briefly if memtables fill the budget, a fair price for a predictable footprint.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

  /** Cache shared by all stores: block cache plus memtables. */
  static final long TOTAL_BYTES = 192L * 1024 * 1024;

  /**
   * Part of the cache that memtables may use. Too small a share makes every store flush tiny
   * memtables into tiny files that background compaction then merges again, costing CPU.
   */
  static final long MEMTABLE_BYTES = 96L * 1024 * 1024;

  /** Created on first use, once Kafka Streams has loaded RocksDB's native library. */
  private static final class Shared {
    static final Cache CACHE;
    static final WriteBufferManager WRITE_BUFFERS;

    static {
      RocksDB.loadLibrary();
      CACHE = new LRUCache(TOTAL_BYTES, -1, false, 0.1);
      WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);
    }
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(Shared.CACHE);
    // Index and filter blocks count against the cache too, so the bound really is a bound.
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(Shared.WRITE_BUFFERS);
    options.setMaxWriteBufferNumber(2);
    options.setWriteBufferSize(4L * 1024 * 1024);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and write buffer manager are shared by every store and live as long as the JVM.
  }
}
