package org.verisimdb.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.storage.memory.MemoryBackend;

class RoutedBackendTest {
  static final Keyspace VECTORS = Keyspace.of("vector");
  static final Keyspace DOCS = Keyspace.of("document");

  /** A memory backend under another name, so two can sit behind one router. */
  static final class Named extends Object {
    static StorageBackend named(String name, MemoryBackend inner) {
      return new StorageBackend() {
        public String name() { return name; }
        public boolean durable() { return inner.durable(); }
        public byte[] get(Keyspace s, byte[] k) { return inner.get(s, k); }
        public Cursor scan(Keyspace s, byte[] f, byte[] t) { return inner.scan(s, f, t); }
        public void apply(WriteBatch b) { inner.apply(b); }
        public void sync() { inner.sync(); }
        public long appliedLsn() { return inner.appliedLsn(); }
        public ReadView snapshot() { return inner.snapshot(); }
        public long copyTo(Path d) { return inner.copyTo(d); }
        public java.util.Set<Keyspace> keyspaces() { return inner.keyspaces(); }
        public void close() { inner.close(); }
      };
    }
  }

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  final MemoryBackend vectors = new MemoryBackend();
  final MemoryBackend rest = new MemoryBackend();
  final RoutedBackend routed = new RoutedBackend(Map.of(VECTORS, Named.named("fast", vectors)), rest);

  @Test
  void keyspacesLiveInTheirRoutedBackend() {
    routed.apply(new WriteBatch(1).put(VECTORS, b("a"), b("v")).put(DOCS, b("a"), b("d")));
    assertThat(vectors.get(VECTORS, b("a"))).isEqualTo(b("v"));
    assertThat(vectors.get(DOCS, b("a"))).isNull();
    assertThat(rest.get(DOCS, b("a"))).isEqualTo(b("d"));
    assertThat(routed.get(VECTORS, b("a"))).isEqualTo(b("v"));
    assertThat(routed.keyspaces()).contains(VECTORS, DOCS);
  }

  @Test
  void untouchedBackendsCatchUpAtSyncSoTheLogCanBeCompacted() {
    routed.apply(new WriteBatch(1).put(VECTORS, b("a"), b("v")).put(DOCS, b("a"), b("d")));
    routed.apply(new WriteBatch(2).put(DOCS, b("b"), b("d")));
    routed.apply(new WriteBatch(3).put(DOCS, b("c"), b("d")));
    assertThat(routed.appliedLsn()).isEqualTo(1);
    assertThat(routed.maxAppliedLsn()).isEqualTo(3);
    routed.sync();
    assertThat(routed.appliedLsn()).isEqualTo(3);
    assertThat(vectors.appliedLsn()).isEqualTo(3);
  }

  @Test
  void snapshotsCoverEveryBackendAtOnce() {
    routed.apply(new WriteBatch(1).put(VECTORS, b("a"), b("1")).put(DOCS, b("a"), b("1")));
    try (ReadView view = routed.snapshot()) {
      routed.apply(new WriteBatch(2).put(VECTORS, b("a"), b("2")).put(DOCS, b("a"), b("2")));
      assertThat(view.get(VECTORS, b("a"))).isEqualTo(b("1"));
      assertThat(view.get(DOCS, b("a"))).isEqualTo(b("1"));
    }
  }

  @Test
  void copiesGoToOneDirectoryPerBackend(@TempDir Path dir) {
    routed.apply(new WriteBatch(1).put(VECTORS, b("a"), b("v")).put(DOCS, b("a"), b("d")));
    assertThat(routed.copyTo(dir)).isEqualTo(1);
    assertThat(new MemoryBackend(dir.resolve("fast")).get(VECTORS, b("a"))).isEqualTo(b("v"));
    assertThat(new MemoryBackend(dir.resolve("memory")).get(DOCS, b("a"))).isEqualTo(b("d"));
  }

  @Test
  void twoBackendsWithOneNameAreRefused() {
    assertThatThrownBy(() -> new RoutedBackend(Map.of(VECTORS, new MemoryBackend()), new MemoryBackend()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
