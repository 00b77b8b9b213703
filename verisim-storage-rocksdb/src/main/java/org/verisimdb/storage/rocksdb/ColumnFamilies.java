package org.verisimdb.storage.rocksdb;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.verisimdb.storage.Keyspace;

/**
 * The column families of one open database ({@link RocksDbLayoutV1}): RocksDB's "default", the
 * meta family, and one per keyspace, created on the first write to it.
 *
 * <p>Thread-safe: readers look handles up in a concurrent map without locking; only the writer,
 * under the backend's apply lock, creates families; {@link #close} runs when no call is in flight.
 */
final class ColumnFamilies {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.storage.rocksdb");
  private static final Keyspace DEFAULT_KEYSPACE = Keyspace.of(RocksDbLayoutV1.DEFAULT_FAMILY);

  private final ColumnFamilyHandle defaultFamily;
  private final ColumnFamilyHandle meta;
  private final ConcurrentMap<Keyspace, ColumnFamilyHandle> spaces = new ConcurrentHashMap<>();
  // Handles RocksDB made us open but that are no keyspace of ours; kept only to close them.
  private final List<ColumnFamilyHandle> foreign = new ArrayList<>();

  private ColumnFamilies(ColumnFamilyHandle defaultFamily, ColumnFamilyHandle meta) {
    this.defaultFamily = defaultFamily;
    this.meta = meta;
  }

  /**
   * What to open: "default", the meta family and every family already in {@code directory}
   * (RocksDB refuses to open a database without naming all of them).
   */
  static List<ColumnFamilyDescriptor> descriptors(Path directory, ColumnFamilyOptions options) throws RocksDBException {
    List<String> names = new ArrayList<>(List.of(RocksDbLayoutV1.DEFAULT_FAMILY, RocksDbLayoutV1.META_FAMILY));
    if (Files.exists(directory.resolve("CURRENT"))) {
      try (Options listing = new Options()) {
        for (byte[] name : RocksDB.listColumnFamilies(listing, directory.toString())) {
          String text = new String(name, StandardCharsets.UTF_8);
          if (!names.contains(text)) {
            names.add(text);
          }
        }
      }
    }
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (String name : names) {
      descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), options));
    }
    return descriptors;
  }

  /**
   * Sorts the handles RocksDB opened for {@link #descriptors}, in the same order. The default
   * family counts as keyspace "default" only when it holds a key, as any other keyspace would.
   */
  static ColumnFamilies of(RocksDB db, List<ColumnFamilyDescriptor> descriptors, List<ColumnFamilyHandle> handles)
      throws RocksDBException {
    ColumnFamilies families = new ColumnFamilies(handles.get(0), handles.get(1));
    for (int i = 2; i < handles.size(); i++) {
      String name = new String(descriptors.get(i).getName(), StandardCharsets.UTF_8);
      try {
        families.spaces.put(Keyspace.of(name), handles.get(i));
      } catch (IllegalArgumentException notAKeyspace) {
        LOG.log(Level.WARNING, "column family ''{0}'' in {1} is not a VeriSimDB keyspace; leaving it alone", name, db.getName());
        families.foreign.add(handles.get(i));
      }
    }
    if (!isEmpty(db, families.defaultFamily)) {
      families.spaces.put(DEFAULT_KEYSPACE, families.defaultFamily);
    }
    return families;
  }

  /** The keyspace's family, or null when nothing was ever written to it. */
  ColumnFamilyHandle find(Keyspace space) {
    ColumnFamilyHandle handle = spaces.get(space);
    return handle != null || !space.equals(DEFAULT_KEYSPACE) ? handle : defaultFamily;
  }

  /** The keyspace's family, created when missing; call under the apply lock. */
  ColumnFamilyHandle findOrCreate(RocksDB db, Keyspace space, ColumnFamilyOptions options) throws RocksDBException {
    ColumnFamilyHandle handle = spaces.get(space);
    if (handle == null) {
      handle = space.equals(DEFAULT_KEYSPACE) ? defaultFamily
          : db.createColumnFamily(new ColumnFamilyDescriptor(space.name().getBytes(StandardCharsets.UTF_8), options));
      spaces.put(space, handle);
    }
    return handle;
  }

  ColumnFamilyHandle meta() {
    return meta;
  }

  /** Every open family: what an atomic flush must name so that none is left behind. */
  List<ColumnFamilyHandle> all() {
    List<ColumnFamilyHandle> all = new ArrayList<>(List.of(defaultFamily, meta));
    for (ColumnFamilyHandle handle : spaces.values()) {
      if (handle != defaultFamily) {
        all.add(handle);
      }
    }
    all.addAll(foreign);
    return all;
  }

  Set<Keyspace> keyspaces() {
    return Set.copyOf(spaces.keySet());
  }

  /** Closes every handle; RocksDB wants this before the database itself is closed. */
  void close() {
    for (ColumnFamilyHandle handle : all()) {
      handle.close();
    }
  }

  private static boolean isEmpty(RocksDB db, ColumnFamilyHandle family) throws RocksDBException {
    try (var iterator = db.newIterator(family)) {
      iterator.seekToFirst();
      if (iterator.isValid()) {
        return false;
      }
      iterator.status();
      return true;
    }
  }
}
