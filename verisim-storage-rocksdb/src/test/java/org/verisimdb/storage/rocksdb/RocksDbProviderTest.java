package org.verisimdb.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.verisimdb.storage.rocksdb.Entries.bytes;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.BackendOptions;
import org.verisimdb.storage.BackendProvider;
import org.verisimdb.storage.Backends;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.StorageBackend;
import org.verisimdb.storage.WriteBatch;

class RocksDbProviderTest {
  @TempDir
  Path directory;

  @Test
  void serviceLoaderFindsTheRocksDbBackend() {
    assertThat(Backends.available()).contains("rocksdb");
    BackendProvider provider = Backends.provider("rocksdb");
    assertThat(provider).isInstanceOf(RocksDbProvider.class);
    assertThat(provider.needsDirectory()).isTrue();
    try (StorageBackend backend = provider.open(new BackendOptions(directory, Map.of("block_cache_mb", "16")))) {
      assertThat(backend.name()).isEqualTo("rocksdb");
      assertThat(backend.durable()).isTrue();
      backend.apply(new WriteBatch(1).put(Keyspace.of("alpha"), bytes("k"), bytes("v")));
      assertThat(backend.get(Keyspace.of("alpha"), bytes("k"))).isEqualTo(bytes("v"));
    }
  }

  @Test
  void anUnknownSettingIsInvalidConfigNamingTheKnownOnes() {
    assertThatThrownBy(() -> Backends.provider("rocksdb").open(new BackendOptions(directory, Map.of("block_cache_mib", "64"))))
        .isInstanceOfSatisfying(VeriSimException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
          assertThat(e.field()).isEqualTo("block_cache_mib");
          assertThat(e.getMessage()).contains("'block_cache_mib'", "did you mean block_cache_mb?",
              "block_cache_mb", "compression", "max_open_files", "write_buffer_mb");
        });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      block_cache_mb  | 0      | from 1 to
      block_cache_mb  | lots   | whole number, got 'lots'
      write_buffer_mb | -3     | from 1 to
      max_open_files  | 5      | or -1 for no limit
      compression     | snappy | lz4, zstd or none, got 'snappy'
      """)
  void badValuesAreInvalidConfigNamingTheValue(String key, String value, String message) {
    assertThatThrownBy(() -> RocksDbBackend.open(directory, Map.of(key, value)))
        .isInstanceOfSatisfying(VeriSimException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
          assertThat(e.field()).isEqualTo(key);
          assertThat(e.getMessage()).contains(key, message);
        });
  }

  @Test
  void settingsDefaultWhenAbsentAndAcceptTheirWholeRange() {
    assertThat(RocksDbSettings.parse(Map.of())).isEqualTo(new RocksDbSettings(64, 32, 512, RocksDbSettings.Compression.LZ4));
    assertThat(RocksDbSettings.parse(Map.of("compression", " ZSTD ", "max_open_files", "-1", "write_buffer_mb", "1")))
        .isEqualTo(new RocksDbSettings(64, 1, -1, RocksDbSettings.Compression.ZSTD));
  }

  @Test
  void aMissingDirectoryIsInvalidConfig() {
    assertThatThrownBy(() -> new RocksDbProvider().open(BackendOptions.inMemory()))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG));
  }
}
