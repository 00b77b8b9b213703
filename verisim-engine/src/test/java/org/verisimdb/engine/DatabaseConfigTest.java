package org.verisimdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

class DatabaseConfigTest {
  @TempDir
  Path dir;

  static void invalid(Runnable call, String field, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.getMessage()).contains(message);
    });
  }

  @Test
  void defaults() {
    DatabaseConfig c = DatabaseConfig.defaults();
    assertThat(c.backend()).isEqualTo("rocksdb");
    assertThat(c.vectorDimension()).isEqualTo(384);
    assertThat(c.historyLimit()).isEqualTo(100);
    assertThat(c.defaultLimit()).isEqualTo(100);
    assertThat(c.maxLimit()).isEqualTo(10_000);
  }

  @Test
  void aFileOverridesDefaultsAndTheEnvironmentOverridesTheFile() throws Exception {
    Path file = dir.resolve("verisimdb.properties");
    Files.writeString(file, "# test\nstorage.backend = memory\nvector.dimension=16\nstorage.rocksdb.block_cache_mb=64\nprincipal.default=ops\n");
    DatabaseConfig c = DatabaseConfig.load(file);
    assertThat(c.backend()).isEqualTo("memory");
    assertThat(c.vectorDimension()).isEqualTo(16);
    assertThat(c.defaultPrincipal()).isEqualTo("ops");
    assertThat(c.backendSettings()).containsEntry("storage.rocksdb.block_cache_mb", "64");
    DatabaseConfig env = c.withEnvironment(Map.of("VERISIM_VECTOR_DIMENSION", "32", "VERISIM_JVM_DIR", "/ignored",
        "VERISIM_STORAGE_MEMORY_SOMETHING", "x", "PATH", "/bin"));
    assertThat(env.vectorDimension()).isEqualTo(32);
    assertThat(env.backendSettings()).containsEntry("storage.memory.something", "x");
    assertThat(DatabaseConfig.envName("temporal.history_limit")).isEqualTo("VERISIM_TEMPORAL_HISTORY_LIMIT");
  }

  @Test
  void indexSettingsComeFromTheFileAndTheEnvironment() throws Exception {
    Path file = dir.resolve("index.properties");
    Files.writeString(file, "vector.metric=euclidean\nvector.hnsw_m=24\nvector.quantized=on\nembedding.fields=title, abstract\n");
    DatabaseConfig c = DatabaseConfig.load(file).withEnvironment(Map.of("VERISIM_EMBEDDING_AUTO", "off", "VERISIM_VECTOR_CANDIDATES", "80",
        "VERISIM_GRAPH_RDF_BASE", "https://example.org/kb/"));
    IndexOptions o = c.indexes();
    assertThat(o.metric()).isEqualTo(org.verisimdb.index.vector.VectorMetric.EUCLIDEAN);
    assertThat(o.hnswM()).isEqualTo(24);
    assertThat(o.quantized()).isTrue();
    assertThat(o.autoEmbed()).isFalse();
    assertThat(o.embedFields()).containsExactly("title", "abstract");
    assertThat(o.candidates()).isEqualTo(80);
    assertThat(o.settings(c.vectorDimension()).rdfBase()).isEqualTo("https://example.org/kb");
    assertThat(c.describe()).containsEntry("vector.metric", "euclidean").containsEntry("embedding.auto", "off");
    invalid(() -> DatabaseConfig.defaults().with(Map.of("vector.metric", "manhattan"), "test"), "vector.metric", "cosine, euclidean or dot_product");
    invalid(() -> DatabaseConfig.defaults().with(Map.of("vector.hnsw_m", "1"), "test"), "vector.hnsw_m", "2 to 512");
    invalid(() -> DatabaseConfig.defaults().with(Map.of("embedding.auto", "maybe"), "test"), "embedding.auto", "on or off");
    invalid(() -> DatabaseConfig.defaults().with(Map.of("vector.candidates", "0"), "test"), "vector.candidates", "1 to");
  }

  @Test
  void transactionSettingsComeFromTheFileAndTheEnvironment() throws Exception {
    Path file = dir.resolve("txn.properties");
    Files.writeString(file, "txn.isolation=serializable\ntxn.lock_timeout_ms=250\ntxn.max_writes=10\nhistory.retention=versions:5\n");
    DatabaseConfig c = DatabaseConfig.load(file).withEnvironment(Map.of("VERISIM_TXN_IDLE_TIMEOUT_S", "7", "VERISIM_HISTORY_RETENTION",
        "days:30"));
    TransactionSettings t = c.transactions();
    assertThat(t.isolation()).isEqualTo(Isolation.SERIALIZABLE);
    assertThat(t.lockTimeout().toMillis()).isEqualTo(250);
    assertThat(t.maxWrites()).isEqualTo(10);
    assertThat(t.idleTimeout().toSeconds()).isEqualTo(7);
    assertThat(t.retention()).isEqualTo(new TransactionSettings.Retention(0, java.time.Duration.ofDays(30)));
    assertThat(c.describe()).containsEntry("txn.isolation", "serializable").containsEntry("history.retention", "days:30");
    assertThat(DatabaseConfig.defaults().with(c.describe(), "round trip").transactions()).isEqualTo(t);
    invalid(() -> DatabaseConfig.defaults().with(Map.of("txn.isolation", "repeatable"), "test"), "txn.isolation", "not an isolation level");
    invalid(() -> DatabaseConfig.defaults().with(Map.of("history.retention", "versions:0"), "test"), "history.retention", "versions:N");
    invalid(() -> DatabaseConfig.defaults().with(Map.of("txn.max_writes", "0"), "test"), "txn.max_writes", "outside 1..");
  }

  @Test
  void misspeltKeysAreErrorsWithAHint() throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "vector.dimensoin=16\n");
    invalid(() -> DatabaseConfig.load(file), "vector.dimensoin", "did you mean vector.dimension?");
  }

  @Test
  void badValuesNameTheKeyAndTheRange() {
    invalid(() -> DatabaseConfig.defaults().with(Map.of("vector.dimension", "many"), "test"), "vector.dimension", "not a whole number");
    invalid(() -> DatabaseConfig.defaults().withVectorDimension(0), "vector.dimension", "outside 1..4096");
    invalid(() -> DatabaseConfig.defaults().with(Map.of("vql.default_limit", "20000"), "test"), "vql.default_limit", "outside 1..10000");
    invalid(() -> DatabaseConfig.defaults().withBackend("Rocks DB"), "storage.backend", "not a backend name");
    invalid(() -> DatabaseConfig.defaults().withDefaultPrincipal(" "), "principal.default", "blank");
    assertThatThrownBy(() -> DatabaseConfig.load(dir.resolve("missing.properties")))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.getMessage()).contains("does not exist"));
  }
}
