/**
 * VeriSimDB storage: the StorageBackend SPI that every backend implements, and the in-memory
 * backend. Bytes only; it never sees octads or Lucene.
 */
module org.verisimdb.storage {
  requires transitive org.verisimdb.model;

  exports org.verisimdb.storage;
  exports org.verisimdb.storage.memory;
  exports org.verisimdb.storage.wal;

  uses org.verisimdb.storage.BackendProvider;

  provides org.verisimdb.storage.BackendProvider with org.verisimdb.storage.memory.MemoryBackendProvider;
}
