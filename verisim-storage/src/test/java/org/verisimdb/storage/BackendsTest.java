package org.verisimdb.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.memory.MemoryBackend;

class BackendsTest {

  @Test
  void findsTheMemoryBackendThroughTheServiceLoader() {
    assertThat(Backends.available()).contains("memory");
    try (StorageBackend backend = Backends.provider("memory").open(BackendOptions.inMemory())) {
      assertThat(backend).isInstanceOf(MemoryBackend.class);
      assertThat(backend.durable()).isFalse();
    }
  }

  @Test
  void anUnknownBackendNamesTheAvailableOnes() {
    assertThatThrownBy(() -> Backends.provider("memry"))
        .isInstanceOfSatisfying(VeriSimException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE);
          assertThat(e.getMessage()).contains("did you mean memory?").contains("available: memory");
        });
  }
}
