package org.verisimdb.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * The directory of an on-disk database, locked for as long as it is open:
 * <pre>
 * FORMAT         directory format, database id, and which backend stores which modality
 * LOCK           the lock file, holding the owner's pid
 * wal/           the write-ahead log
 * data/&lt;name&gt;/   one directory per storage backend in use
 * </pre>
 * Opening with a storage layout other than the one that wrote the directory is refused (migrate
 * instead), as is a directory from a newer release, or a non-empty directory that is not a
 * database. Not thread-safe; owned by the database that opened it.
 */
final class DatabaseDirectory implements AutoCloseable {
  static final String MARKER = "FORMAT";
  static final int FORMAT = 1;

  private final Path root;
  private final DirectoryLock lock;
  private final String databaseId;
  private final boolean created;

  private DatabaseDirectory(Path root, DirectoryLock lock, String databaseId, boolean created) {
    this.root = root;
    this.lock = lock;
    this.databaseId = databaseId;
    this.created = created;
  }

  /** Opens (creating if needed) and locks {@code root}, checking it holds this storage layout. */
  static DatabaseDirectory open(Path root, DatabaseConfig config) {
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot create database directory " + root + ": " + e.getMessage(), e);
    }
    DirectoryLock lock = DirectoryLock.acquire(root);
    try {
      Path marker = root.resolve(MARKER);
      if (Files.exists(marker)) {
        String id = check(root, read(marker), layout(config));
        return new DatabaseDirectory(root, lock, id, false);
      }
      if (!isEmptyButLock(root)) {
        throw new VeriSimException(ErrorCode.INVALID_ARGUMENT, root + " is not empty and is not a VeriSimDB database (it has no "
            + MARKER + " file); choose an empty or new directory");
      }
      String id = OctadId.random().value();
      Map<String, String> layout = layout(config);
      layout.put("database.id", id);
      write(root, layout);
      return new DatabaseDirectory(root, lock, id, true);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** The storage layout a configuration asks for, as the FORMAT file records it. */
  static Map<String, String> layout(DatabaseConfig config) {
    Map<String, String> layout = new TreeMap<>();
    layout.put("verisimdb.format", Integer.toString(FORMAT));
    layout.put("storage.backend", config.backend());
    config.modalityBackends().forEach((m, b) -> layout.put("storage.modality." + m.wireName(), b));
    return layout;
  }

  private static String check(Path root, Properties stored, Map<String, String> wanted) {
    String format = stored.getProperty("verisimdb.format", "?");
    if (!format.equals(Integer.toString(FORMAT))) {
      throw new VeriSimException(ErrorCode.STORAGE_CORRUPT, "database " + root + " has directory format " + format
          + ", which this release (format " + FORMAT + ") cannot read; open it with the release that wrote it");
    }
    Map<String, String> storedLayout = new TreeMap<>();
    for (String key : stored.stringPropertyNames()) {
      if (key.startsWith("storage.")) {
        storedLayout.put(key, stored.getProperty(key));
      }
    }
    Map<String, String> wantedLayout = new TreeMap<>(wanted);
    wantedLayout.remove("verisimdb.format");
    if (!storedLayout.equals(wantedLayout)) {
      StringBuilder settings = new StringBuilder();
      storedLayout.forEach((k, v) -> settings.append(settings.isEmpty() ? "" : ", ").append(k).append('=').append(v));
      throw new VeriSimException(ErrorCode.INVALID_CONFIG, "database " + root + " is stored with " + settings
          + ", not as configured now; open it with those settings, or copy it to the new layout with 'verisimdb migrate'");
    }
    String id = stored.getProperty("database.id");
    if (id == null) {
      throw new VeriSimException(ErrorCode.STORAGE_CORRUPT, root.resolve(MARKER) + " has no database.id; restore it from a backup");
    }
    return id;
  }

  static Properties read(Path marker) {
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
      p.load(reader);
      return p;
    } catch (IOException | IllegalArgumentException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot read " + marker + ": " + e.getMessage(), e);
    }
  }

  /** Writes a FORMAT file atomically (temporary file, then rename). */
  static void write(Path root, Map<String, String> entries) {
    Path temp = root.resolve(MARKER + ".tmp");
    try {
      try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        writer.write("# VeriSimDB database directory; do not edit\n");
        for (Map.Entry<String, String> e : new TreeMap<>(entries).entrySet()) {
          writer.write(e.getKey() + "=" + e.getValue() + "\n");
        }
      }
      Files.move(temp, root.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot write " + root.resolve(MARKER) + ": " + e.getMessage(), e);
    }
  }

  private static boolean isEmptyButLock(Path root) {
    try (Stream<Path> entries = Files.list(root)) {
      return entries.allMatch(p -> p.getFileName().toString().equals(DirectoryLock.FILE));
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  Path root() {
    return root;
  }

  Path wal() {
    return root.resolve("wal");
  }

  /** Where the backend called {@code name} keeps its files. */
  Path data(String name) {
    return root.resolve("data").resolve(name);
  }

  String databaseId() {
    return databaseId;
  }

  /** True when this open created the directory. */
  boolean created() {
    return created;
  }

  static String modalityKey(Modality m) {
    return "storage.modality." + m.wireName();
  }

  @Override
  public void close() {
    lock.close();
  }
}
