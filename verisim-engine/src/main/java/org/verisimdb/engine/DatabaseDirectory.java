package org.verisimdb.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * The directory of an on-disk database: created if missing, locked for the life of the open
 * database, and marked with a {@code FORMAT} file naming the directory format and the storage
 * backend that owns {@code data/}. Opening a directory with another backend than the one that
 * wrote it is refused (migrate instead); a format from a newer release is refused too.
 */
final class DatabaseDirectory implements AutoCloseable {
  static final String MARKER = "FORMAT";
  static final int FORMAT = 1;

  private final Path root;
  private final DirectoryLock lock;

  private DatabaseDirectory(Path root, DirectoryLock lock) {
    this.root = root;
    this.lock = lock;
  }

  static DatabaseDirectory open(Path root, String backend) {
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot create database directory " + root + ": " + e.getMessage(), e);
    }
    DirectoryLock lock = DirectoryLock.acquire(root);
    try {
      checkMarker(root, backend);
      return new DatabaseDirectory(root, lock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  Path root() {
    return root;
  }

  /** Where the backend keeps its files. */
  Path data() {
    return root.resolve("data");
  }

  private static void checkMarker(Path root, String backend) {
    Path marker = root.resolve(MARKER);
    try {
      if (Files.exists(marker)) {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
          p.load(reader);
        }
        String format = p.getProperty("verisimdb.format", "?");
        if (!format.equals(Integer.toString(FORMAT))) {
          throw new VeriSimException(ErrorCode.STORAGE_CORRUPT, "database " + root + " has directory format " + format
              + ", which this release (format " + FORMAT + ") cannot read; open it with the release that wrote it");
        }
        String stored = p.getProperty("storage.backend", "?");
        // Nothing is kept on disk by the memory backend, so leaving it is safe.
        if (!stored.equals(backend) && !stored.equals("memory")) {
          throw new VeriSimException(ErrorCode.INVALID_CONFIG, "database " + root + " is stored with backend '" + stored
              + "', not '" + backend + "'; set storage.backend=" + stored + ", or migrate it to " + backend);
        }
        if (stored.equals(backend)) {
          return;
        }
      }
      Path temp = root.resolve(MARKER + ".tmp");
      try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        writer.write("# VeriSimDB database directory; do not edit\nverisimdb.format=" + FORMAT + "\nstorage.backend=" + backend + "\n");
      }
      Files.move(temp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | IllegalArgumentException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot read or write " + marker + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    lock.close();
  }
}
