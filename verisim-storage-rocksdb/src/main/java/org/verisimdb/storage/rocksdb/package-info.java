/** The RocksDB storage backend: one column family per keyspace, RocksDB's own WAL off, the applied LSN stored atomically with the data. */
package org.verisimdb.storage.rocksdb;
