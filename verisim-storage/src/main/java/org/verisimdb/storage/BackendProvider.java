package org.verisimdb.storage;

/**
 * A storage backend implementation, found through {@link java.util.ServiceLoader}. Backend
 * modules register one provider each; the engine never names a backend class.
 */
public interface BackendProvider {
  /** The name configuration uses to choose this backend ({@code "rocksdb"}). */
  String name();

  /** True when the backend needs a directory. */
  boolean needsDirectory();

  StorageBackend open(BackendOptions options);
}
