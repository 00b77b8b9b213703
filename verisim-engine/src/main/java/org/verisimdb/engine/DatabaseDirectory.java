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
 * The storage layout is the database's own: an existing directory is opened with the layout
 * FORMAT records, whatever the configuration says (with a warning if it differs; use
 * {@code migrate} to change it). A directory from a newer release, or a non-empty directory that
 * is not a database, is refused. Not thread-safe; owned by the database that opened it.
 */
final class DatabaseDirectory implements AutoCloseable {
  static final String MARKER = "FORMAT";
  /** 2: every version kept (versioned facet keys, stamped headers); 1 (newest state only) is upgraded on open. */
  static final int FORMAT = 2;

  private static final System.Logger LOG = System.getLogger("org.verisimdb.engine");

  private final Path root;
  private final DirectoryLock lock;
  private final String databaseId;
  private final boolean created;
  private final Map<String, String> layout;

  private DatabaseDirectory(Path root, DirectoryLock lock, String databaseId, boolean created, Map<String, String> layout) {
    this.root = root;
    this.lock = lock;
    this.databaseId = databaseId;
    this.created = created;
    this.layout = Map.copyOf(layout);
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
        Properties stored = read(marker);
        String id = check(root, stored);
        if (!stored.getProperty("verisimdb.format").equals(Integer.toString(FORMAT))) {
          // Format 1 data reads as it is (the base version of each octad); from now on every version is kept.
          Map<String, String> upgraded = new TreeMap<>();
          stored.stringPropertyNames().forEach(k -> upgraded.put(k, stored.getProperty(k)));
          upgraded.put("verisimdb.format", Integer.toString(FORMAT));
          write(root, upgraded);
          LOG.log(System.Logger.Level.INFO, "database {0} upgraded from directory format 1 to {1}: versions are kept from now on", root, FORMAT);
        }
        Map<String, String> storedLayout = storageEntries(stored);
        Map<String, String> wanted = storageEntries(layout(config));
        if (!storedLayout.equals(wanted)) {
          LOG.log(System.Logger.Level.WARNING, "database {0} is stored with {1}; the configuration asks for {2}, which applies to new"
              + " databases only (use ''verisimdb migrate'' to move this one)", root, storedLayout, wanted);
        }
        return new DatabaseDirectory(root, lock, id, false, storedLayout);
      }
      if (!isEmptyButLock(root)) {
        throw new VeriSimException(ErrorCode.INVALID_ARGUMENT, root + " is not empty and is not a VeriSimDB database (it has no "
            + MARKER + " file); choose an empty or new directory");
      }
      String id = OctadId.random().value();
      Map<String, String> layout = layout(config);
      layout.put("database.id", id);
      write(root, layout);
      return new DatabaseDirectory(root, lock, id, true, storageEntries(layout));
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

  private static String check(Path root, Properties stored) {
    String format = stored.getProperty("verisimdb.format", "?");
    if (!format.equals(Integer.toString(FORMAT)) && !format.equals("1")) {
      throw new VeriSimException(ErrorCode.STORAGE_CORRUPT, "database " + root + " has directory format " + format
          + ", which this release (format " + FORMAT + ") cannot read; open it with the release that wrote it");
    }
    String id = stored.getProperty("database.id");
    if (id == null || stored.getProperty("storage.backend") == null) {
      throw new VeriSimException(ErrorCode.STORAGE_CORRUPT, root.resolve(MARKER) + " lacks database.id or storage.backend;"
          + " restore it from a backup");
    }
    return id;
  }

  private static Map<String, String> storageEntries(Properties p) {
    Map<String, String> entries = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("storage.")) {
        entries.put(key, p.getProperty(key));
      }
    }
    return entries;
  }

  private static Map<String, String> storageEntries(Map<String, String> layout) {
    Map<String, String> entries = new TreeMap<>();
    layout.forEach((k, v) -> {
      if (k.startsWith("storage.")) {
        entries.put(k, v);
      }
    });
    return entries;
  }

  /** {@code config} with the storage layout this directory records (its own for a new directory). */
  DatabaseConfig adopt(DatabaseConfig config) {
    DatabaseConfig adopted = config.withBackend(layout.get("storage.backend")).withoutModalityBackends();
    for (Map.Entry<String, String> e : layout.entrySet()) {
      if (e.getKey().startsWith("storage.modality.")) {
        adopted = adopted.with(Map.of(e.getKey(), e.getValue()), "the database's FORMAT file");
      }
    }
    return adopted;
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
