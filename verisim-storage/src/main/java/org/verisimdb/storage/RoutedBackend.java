package org.verisimdb.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several backends behind one: each keyspace lives in the backend its route names, the rest in
 * a default one (per-modality storage, e.g. vectors in memory and documents in RocksDB).
 *
 * <p>A batch is split by backend and each part applied atomically in its backend with the
 * batch's LSN. Backends are not updated together: after a crash one may hold a batch another
 * lacks, which recovery repairs by replaying each backend from its own applied LSN
 * ({@link #backends()}). Backends the batch does not touch catch up to the last LSN at
 * {@link #sync()}, so a rarely written backend never holds back log compaction.
 *
 * <p>Thread-safe: applies are serialised with snapshots and copies, so both see whole batches.
 */
public final class RoutedBackend implements StorageBackend {
  private final Map<Keyspace, StorageBackend> routes;
  private final StorageBackend fallback;
  private final List<StorageBackend> backends;
  private final Object applyLock = new Object();
  private volatile long lastLsn;

  /**
   * @param routes keyspaces that do not live in {@code fallback}
   * @param fallback where every other keyspace lives
   */
  public RoutedBackend(Map<Keyspace, StorageBackend> routes, StorageBackend fallback) {
    this.routes = Map.copyOf(routes);
    this.fallback = fallback;
    Set<StorageBackend> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    List<StorageBackend> all = new ArrayList<>();
    for (StorageBackend b : concat(fallback, routes.values())) {
      if (distinct.add(b)) {
        all.add(b);
      }
    }
    this.backends = List.copyOf(all);
    Set<String> names = new HashSet<>();
    for (StorageBackend b : backends) {
      if (!names.add(b.name())) {
        throw new IllegalArgumentException("two backends are both called " + b.name() + "; each backend serves all its keyspaces");
      }
    }
    long max = 0;
    for (StorageBackend b : backends) {
      max = Math.max(max, b.appliedLsn());
    }
    this.lastLsn = max;
  }

  private static List<StorageBackend> concat(StorageBackend first, java.util.Collection<StorageBackend> rest) {
    List<StorageBackend> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  /** The distinct backends, the default one first. */
  public List<StorageBackend> backends() {
    return backends;
  }

  /** The backend that holds {@code space}. */
  public StorageBackend backendFor(Keyspace space) {
    return routes.getOrDefault(space, fallback);
  }

  @Override
  public String name() {
    List<String> names = new ArrayList<>();
    backends.forEach(b -> names.add(b.name()));
    return String.join("+", names);
  }

  @Override
  public boolean durable() {
    return backends.stream().allMatch(StorageBackend::durable);
  }

  @Override
  public byte[] get(Keyspace space, byte[] key) {
    return backendFor(space).get(space, key);
  }

  @Override
  public Cursor scan(Keyspace space, byte[] fromInclusive, byte[] toExclusive) {
    return backendFor(space).scan(space, fromInclusive, toExclusive);
  }

  @Override
  public void apply(WriteBatch batch) {
    Map<StorageBackend, WriteBatch> parts = new LinkedHashMap<>();
    for (WriteBatch.Op op : batch.ops()) {
      parts.computeIfAbsent(backendFor(op.space()), b -> new WriteBatch(batch.lsn())).add(op);
    }
    synchronized (applyLock) {
      for (Map.Entry<StorageBackend, WriteBatch> part : parts.entrySet()) {
        part.getKey().apply(part.getValue());
      }
      if (parts.isEmpty() && batch.lsn() > 0) {
        fallback.apply(new WriteBatch(batch.lsn()));
      }
      lastLsn = Math.max(lastLsn, batch.lsn());
    }
  }

  /** Brings every backend's applied LSN up to the last one applied anywhere, then syncs them all. */
  @Override
  public void sync() {
    synchronized (applyLock) {
      for (StorageBackend b : backends) {
        if (b.appliedLsn() < lastLsn) {
          b.apply(new WriteBatch(lastLsn));
        }
      }
    }
    backends.forEach(StorageBackend::sync);
  }

  /** The smallest applied LSN of any backend: recovery replays from the one after it. */
  @Override
  public long appliedLsn() {
    long min = Long.MAX_VALUE;
    for (StorageBackend b : backends) {
      min = Math.min(min, b.appliedLsn());
    }
    return min;
  }

  /** The largest applied LSN of any backend: the log must continue after it. */
  public long maxAppliedLsn() {
    long max = 0;
    for (StorageBackend b : backends) {
      max = Math.max(max, b.appliedLsn());
    }
    return max;
  }

  @Override
  public ReadView snapshot() {
    Map<StorageBackend, ReadView> views = new IdentityHashMap<>();
    long at;
    synchronized (applyLock) {
      at = lastLsn;
      try {
        for (StorageBackend b : backends) {
          views.put(b, b.snapshot());
        }
      } catch (RuntimeException e) {
        views.values().forEach(ReadView::close);
        throw e;
      }
    }
    return new ReadView() {
      @Override
      public byte[] get(Keyspace space, byte[] key) {
        return views.get(backendFor(space)).get(space, key);
      }

      @Override
      public Cursor scan(Keyspace space, byte[] fromInclusive, byte[] toExclusive) {
        return views.get(backendFor(space)).scan(space, fromInclusive, toExclusive);
      }

      // Every batch up to the last one applied anywhere is wholly in the view: batches are applied
      // to all their backends under the lock the snapshots were taken under.
      @Override
      public long appliedLsn() {
        return at;
      }

      @Override
      public void close() {
        views.values().forEach(ReadView::close);
      }
    };
  }

  /**
   * Copies each backend into {@code directory/<backend name>} (see {@link #copyDirectory}); each
   * copy is consistent at its own LSN. Returns the smallest of them.
   */
  @Override
  public long copyTo(Path directory) {
    long min = Long.MAX_VALUE;
    for (StorageBackend b : backends) {
      min = Math.min(min, b.copyTo(copyDirectory(directory, b)));
    }
    return min;
  }

  /** Where {@link #copyTo} puts a backend's copy. */
  public static Path copyDirectory(Path directory, StorageBackend backend) {
    return directory.resolve(backend.name());
  }

  @Override
  public Set<Keyspace> keyspaces() {
    Set<Keyspace> all = new HashSet<>();
    backends.forEach(b -> all.addAll(b.keyspaces()));
    return all;
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (StorageBackend b : backends) {
      try {
        b.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
