package org.verisimdb.storage.lmdb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.Txn;
import org.verisimdb.storage.Keyspace;

/**
 * The named databases (Dbis) of an environment: one per keyspace, plus the reserved
 * {@value LmdbFormatV1#META_DBI}. Found on open, created by the first write to a keyspace.
 *
 * <p>A Dbi created by a write transaction may only be used by read transactions that began after
 * that transaction committed; LMDB answers EINVAL to older ones. So a read transaction is begun
 * together with the map of Dbis it may use ({@link #beginRead}), and a commit that creates Dbis
 * publishes them under the same lock ({@link #commit}): a reader gets either the old transaction
 * and the old map or the new ones, never a mix. Commits that create nothing take no lock.
 *
 * <p>Thread-safe: any number of readers; {@link #create} and {@link #commit} are called by the one
 * writer, under the backend's apply lock.
 */
final class LmdbKeyspaces {
  /** Named databases per environment: 255 keyspaces and the meta database. */
  static final int MAX_DBIS = 256;
  private static final System.Logger LOG = System.getLogger("org.verisimdb.storage.lmdb");

  private final Env<byte[]> env;
  private final Dbi<byte[]> meta;
  private final ReentrantReadWriteLock publication = new ReentrantReadWriteLock();
  private volatile Map<Keyspace, Dbi<byte[]>> dbis;

  /** A read transaction and the keyspaces' Dbis it may use. */
  record ReadTxn(Txn<byte[]> txn, Map<Keyspace, Dbi<byte[]>> dbis) {}

  private LmdbKeyspaces(Env<byte[]> env, Dbi<byte[]> meta, Map<Keyspace, Dbi<byte[]>> dbis) {
    this.env = env;
    this.meta = meta;
    this.dbis = Map.copyOf(dbis);
  }

  /**
   * Opens the Dbis an environment holds, creating the meta database and recording the format
   * version in a new one. Called once, before anything else uses the environment.
   */
  static LmdbKeyspaces open(Env<byte[]> env, Path directory) {
    // Listed before the write transaction begins: getDbiNames runs transactions of its own, and a
    // second write transaction on this thread would wait for the first forever.
    List<byte[]> names = env.getDbiNames();
    Map<Keyspace, Dbi<byte[]>> found = new HashMap<>();
    Dbi<byte[]> meta;
    try (Txn<byte[]> txn = env.txnWrite()) {
      meta = env.openDbi(txn, LmdbFormatV1.META_DBI.getBytes(StandardCharsets.UTF_8), null, false, DbiFlags.MDB_CREATE);
      LmdbFormatV1.checkOrRecordVersion(txn, meta, directory);
      for (byte[] raw : names) {
        String name = new String(raw, StandardCharsets.UTF_8);
        if (name.equals(LmdbFormatV1.META_DBI)) {
          continue;
        }
        Keyspace space = keyspace(name);
        if (space == null) {
          LOG.log(System.Logger.Level.WARNING, "ignoring the named database ''{0}'' in {1}: it is not a keyspace name, so"
              + " VeriSimDB did not write it", name, directory);
          continue;
        }
        found.put(space, env.openDbi(txn, raw, null, false));
      }
      txn.commit();
    }
    return new LmdbKeyspaces(env, meta, found);
  }

  /** Begins a read transaction together with the Dbis it may use. */
  ReadTxn beginRead() {
    Lock shared = publication.readLock();
    shared.lock();
    try {
      return new ReadTxn(env.txnRead(), dbis);
    } finally {
      shared.unlock();
    }
  }

  Dbi<byte[]> meta() {
    return meta;
  }

  /** The Dbi of a keyspace committed so far, or null. */
  Dbi<byte[]> existing(Keyspace space) {
    return dbis.get(space);
  }

  /** Creates a keyspace's Dbi inside the writer's transaction; it is private to it until {@link #commit}. */
  Dbi<byte[]> create(Txn<byte[]> txn, Keyspace space) {
    return env.openDbi(txn, space.name().getBytes(StandardCharsets.UTF_8), null, false, DbiFlags.MDB_CREATE);
  }

  /** Commits the writer's transaction and publishes the Dbis it created. */
  void commit(Txn<byte[]> txn, Map<Keyspace, Dbi<byte[]>> created) {
    if (created.isEmpty()) {
      txn.commit();
      return;
    }
    Lock exclusive = publication.writeLock();
    exclusive.lock();
    try {
      txn.commit();
      Map<Keyspace, Dbi<byte[]>> next = new HashMap<>(dbis);
      next.putAll(created);
      dbis = Map.copyOf(next);
    } finally {
      exclusive.unlock();
    }
  }

  /** The keyspaces with a Dbi. */
  Set<Keyspace> keyspaces() {
    return dbis.keySet();
  }

  /** Closes every Dbi handle; only when no transaction is open, just before the environment closes. */
  void close() {
    for (Dbi<byte[]> dbi : dbis.values()) {
      dbi.close();
    }
    meta.close();
  }

  private static Keyspace keyspace(String name) {
    try {
      return Keyspace.of(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
