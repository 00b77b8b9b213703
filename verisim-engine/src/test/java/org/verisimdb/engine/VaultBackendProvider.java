package org.verisimdb.engine;

import java.nio.file.Path;
import java.util.Set;
import org.verisimdb.storage.BackendOptions;
import org.verisimdb.storage.BackendProvider;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.WriteBatch;
import org.verisimdb.storage.memory.MemoryBackend;

/** A second backend for tests of per-modality storage: the memory backend under the name "vault". */
public final class VaultBackendProvider implements BackendProvider {
  @Override
  public String name() {
    return "vault";
  }

  @Override
  public boolean needsDirectory() {
    return true;
  }

  @Override
  public StorageBackend open(BackendOptions options) {
    MemoryBackend inner = new MemoryBackend(options.directory());
    return new StorageBackend() {
      public String name() { return "vault"; }
      public boolean durable() { return inner.durable(); }
      public byte[] get(Keyspace s, byte[] k) { return inner.get(s, k); }
      public Cursor scan(Keyspace s, byte[] f, byte[] t) { return inner.scan(s, f, t); }
      public void apply(WriteBatch b) { inner.apply(b); }
      public void sync() { inner.sync(); }
      public long appliedLsn() { return inner.appliedLsn(); }
      public ReadView snapshot() { return inner.snapshot(); }
      public long copyTo(Path d) { return inner.copyTo(d); }
      public Set<Keyspace> keyspaces() { return inner.keyspaces(); }
      public void close() { inner.close(); }
    };
  }
}
