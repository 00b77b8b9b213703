package org.verisimdb.storage.rocksdb;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Filter;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.WriteOptions;

/**
 * The native option objects of one open database, built from {@link RocksDbSettings}. Each is
 * C++ memory that RocksDB reads for the database's whole life, so they are closed only after the
 * database itself.
 *
 * <p>Thread-safe once built: RocksDB only reads them.
 */
final class RocksDbOptions implements AutoCloseable {
  private static final long MIB = 1L << 20;
  private static final int BLOOM_BITS_PER_KEY = 10;
  private static final int KEPT_INFO_LOGS = 5;

  final DBOptions db;
  final ColumnFamilyOptions columnFamily;
  final WriteOptions write;
  final ReadOptions read;
  final FlushOptions flush;
  private final Cache cache;
  private final Filter filter;

  RocksDbOptions(RocksDbSettings settings) {
    cache = new LRUCache(settings.blockCacheMb() * MIB);
    filter = new BloomFilter(BLOOM_BITS_PER_KEY);
    db = new DBOptions()
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        // With the WAL off, a flush is the only thing that persists data; flushing every column
        // family together keeps "applied_lsn" on disk in step with the data after a crash.
        .setAtomicFlush(true)
        .setMaxOpenFiles(settings.maxOpenFiles())
        .setKeepLogFileNum(KEPT_INFO_LOGS);
    columnFamily = new ColumnFamilyOptions()
        .setWriteBufferSize(settings.writeBufferMb() * MIB)
        .setCompressionType(settings.compression().type())
        .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(filter));
    // VeriSimDB's own write-ahead log is the durability; RocksDB's would write everything twice.
    write = new WriteOptions().setDisableWAL(true);
    read = new ReadOptions();
    flush = new FlushOptions().setWaitForFlush(true);
  }

  /** Closes every option object; call only after the database and its handles are closed. */
  @Override
  public void close() {
    flush.close();
    read.close();
    write.close();
    columnFamily.close();
    db.close();
    filter.close();
    cache.close();
  }
}
