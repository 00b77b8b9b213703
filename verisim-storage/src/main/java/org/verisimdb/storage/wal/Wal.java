package org.verisimdb.storage.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.WriteBatch;

/**
 * The write-ahead log: append records, make them durable, read them back, drop what every store
 * has applied. Format: {@link WalFormatV1}. One record per committed transaction.
 *
 * <p>Durability ({@link SyncMode}): in FSYNC mode {@link #awaitDurable} returns once an fsync
 * covers the record. Committers that wait at the same time share one fsync: the first becomes
 * the leader and forces everything written so far, the others wait for it, and whoever is still
 * not covered leads the next one (group commit). In ASYNC mode a background thread fsyncs every
 * interval; in NONE mode nothing is forced before checkpoint or close.
 *
 * <p>If the log starts behind what the stores have applied (a tail lost in ASYNC or NONE mode),
 * {@link #open} continues numbering after the stores and marks the new segment as an LSN jump,
 * so that a real gap is never mistaken for this one.
 *
 * <p>Thread-safe. Appends are serialised; reads, syncs and compaction run alongside them. After
 * an fsync failure the log refuses all further work: whether the unsynced tail reached the disk
 * is unknown, and only a reopen (recovery) can tell.
 */
public final class Wal implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.storage.wal");

  private final LogStorage storage;
  private final WalOptions options;
  private final ReentrantLock appendLock = new ReentrantLock();
  private volatile List<Segment> segments;
  private LogFile current;
  private long currentSize;
  private long lastLsn;

  private final ReentrantLock syncLock = new ReentrantLock();
  private final Condition syncDone = syncLock.newCondition();
  private long writtenLsn;
  private long syncedLsn;
  private LogFile syncTarget;
  private boolean syncing;
  private IOException failure;

  private final Thread asyncSyncer;
  private volatile boolean closed;

  private Wal(LogStorage storage, WalOptions options, List<Segment> segments, LogFile current, long currentSize, long lastLsn) {
    this.storage = storage;
    this.options = options;
    this.segments = List.copyOf(segments);
    this.current = current;
    this.currentSize = currentSize;
    this.lastLsn = lastLsn;
    this.writtenLsn = lastLsn;
    this.syncedLsn = lastLsn;
    this.syncTarget = current;
    this.asyncSyncer = options.sync() == SyncMode.ASYNC
        ? Thread.ofPlatform().name("verisim-wal-sync").daemon(true).start(this::syncPeriodically) : null;
  }

  /**
   * Opens the log in {@code storage}, recovering it (see {@link LogScan}): a torn tail is
   * truncated, damage anywhere else is STORAGE_CORRUPT naming the file and offset.
   *
   * @param nextLsnAtLeast the smallest LSN the next record may have: one more than the highest
   *     LSN any store has applied
   */
  public static Wal open(LogStorage storage, WalOptions options, long nextLsnAtLeast) {
    try {
      LogScan.Result scan = LogScan.scan(storage);
      List<Segment> segments = new ArrayList<>(scan.segments());
      long lastLsn = scan.lastLsn() < 0 ? nextLsnAtLeast - 1 : scan.lastLsn();
      boolean jump = lastLsn + 1 < nextLsnAtLeast;
      if (jump) {
        LOG.log(System.Logger.Level.WARNING, "the log in {0} ends at LSN {1} but the stores have applied up to LSN {2}: the last"
            + " {3} transactions reached the stores but not the log (the loss window of the async or none sync mode);"
            + " numbering continues after them", storage.describe(), lastLsn, nextLsnAtLeast - 1, nextLsnAtLeast - 1 - lastLsn);
        lastLsn = nextLsnAtLeast - 1;
      }
      LogFile current;
      long size;
      if (segments.isEmpty() || jump) {
        long number = segments.isEmpty() ? 1 : segments.getLast().number() + 1;
        current = startSegment(storage, number, lastLsn + 1, jump);
        segments.add(new Segment(number, WalFormatV1.segmentName(number), lastLsn + 1, jump));
        size = WalFormatV1.HEADER_BYTES;
      } else {
        current = storage.open(segments.getLast().name());
        size = scan.endOffset();
      }
      LOG.log(System.Logger.Level.INFO, "opened the write-ahead log in {0}: {1} segments, last LSN {2}, sync {3}", storage.describe(),
          segments.size(), lastLsn, options.sync().wireName());
      return new Wal(storage, options, segments, current, size, lastLsn);
    } catch (IOException e) {
      throw io(storage, "open", e);
    }
  }

  /** Appends a committed transaction's batch; returns its LSN. Durable only after {@link #awaitDurable}. */
  public long append(WriteBatch batch, long commitMicros) {
    return append(WalFormatV1.TYPE_BATCH, BatchCodec.encode(batch, commitMicros));
  }

  /** Appends a record of {@code type}; returns its LSN. */
  public long append(int type, byte[] payload) {
    appendLock.lock();
    try {
      checkUsable();
      long lsn = lastLsn + 1;
      write(lsn, type, payload);
      return lsn;
    } finally {
      appendLock.unlock();
    }
  }

  /** Appends a record read from another log, keeping its LSN, which must follow this log's last. */
  public void appendCopy(WalRecord record) {
    appendLock.lock();
    try {
      checkUsable();
      if (record.lsn() != lastLsn + 1) {
        throw new IllegalArgumentException("record " + record.lsn() + " does not follow LSN " + lastLsn);
      }
      write(record.lsn(), record.type(), record.payload());
    } finally {
      appendLock.unlock();
    }
  }

  private void write(long lsn, int type, byte[] payload) {
    ByteBuffer frame = WalFormatV1.record(lsn, type, payload);
    try {
      if (currentSize > WalFormatV1.HEADER_BYTES && currentSize + frame.remaining() > options.segmentBytes()) {
        rotate(lsn);
      }
      current.append(frame);
    } catch (IOException e) {
      fail(e);
      throw io(storage, "append to", e);
    }
    currentSize += WalFormatV1.RECORD_OVERHEAD + payload.length;
    lastLsn = lsn;
    syncLock.lock();
    try {
      writtenLsn = lsn;
      syncTarget = current;
    } finally {
      syncLock.unlock();
    }
  }

  // Seal the full segment (forced in every mode, so that recovery can treat damage in a closed
  // segment as damage, never as a torn write) and start the next one.
  private void rotate(long firstLsn) throws IOException {
    current.force();
    Segment last = segments.getLast();
    LogFile next = startSegment(storage, last.number() + 1, firstLsn, false);
    current.close();
    current = next;
    currentSize = WalFormatV1.HEADER_BYTES;
    List<Segment> all = new ArrayList<>(segments);
    all.add(new Segment(last.number() + 1, WalFormatV1.segmentName(last.number() + 1), firstLsn, false));
    segments = List.copyOf(all);
  }

  private static LogFile startSegment(LogStorage storage, long number, long firstLsn, boolean jump) throws IOException {
    LogFile file = storage.create(WalFormatV1.segmentName(number));
    ByteBuffer header = WalFormatV1.header(number, firstLsn);
    if (jump) {
      header.putShort(6, Segment.FLAG_LSN_JUMP);
      header.putInt(24, WalFormatV1.crc(header.array(), 0, 24));
    }
    file.append(header);
    file.force();
    storage.syncDirectory();
    return file;
  }

  /**
   * Returns once the record {@code lsn} is durable as the sync mode promises: in FSYNC mode after
   * an fsync covering it, otherwise at once. STORAGE_IO if the log has failed.
   */
  public void awaitDurable(long lsn) {
    if (options.sync() != SyncMode.FSYNC) {
      syncLock.lock();
      try {
        checkFailure();
      } finally {
        syncLock.unlock();
      }
      return;
    }
    syncUpTo(lsn);
  }

  /** Forces everything appended so far, whatever the sync mode. */
  public void sync() {
    long target;
    syncLock.lock();
    try {
      target = writtenLsn;
    } finally {
      syncLock.unlock();
    }
    syncUpTo(target);
  }

  private void syncUpTo(long lsn) {
    syncLock.lock();
    try {
      while (syncedLsn < lsn) {
        checkFailure();
        if (syncing) {
          syncDone.awaitUninterruptibly();
          continue;
        }
        syncing = true;
        long target = writtenLsn;
        LogFile file = syncTarget;
        syncLock.unlock();
        IOException error = null;
        try {
          file.force();
        } catch (IOException e) {
          error = e;
        } finally {
          syncLock.lock();
          syncing = false;
          if (error == null) {
            syncedLsn = Math.max(syncedLsn, target);
          } else if (failure == null) {
            failure = error;
          }
          syncDone.signalAll();
        }
      }
    } finally {
      syncLock.unlock();
    }
  }

  private void syncPeriodically() {
    while (!closed) {
      try {
        Thread.sleep(options.asyncIntervalMillis());
        boolean behind;
        syncLock.lock();
        try {
          behind = writtenLsn > syncedLsn && failure == null;
        } finally {
          syncLock.unlock();
        }
        if (behind) {
          sync();
        }
      } catch (InterruptedException e) {
        return;
      } catch (VeriSimException e) {
        LOG.log(System.Logger.Level.ERROR, "background fsync of the log in {0} failed: {1}", storage.describe(), e.getMessage());
        return;
      }
    }
  }

  /** The LSN of the last record appended. */
  public long lastLsn() {
    appendLock.lock();
    try {
      return lastLsn;
    } finally {
      appendLock.unlock();
    }
  }

  /** The LSN up to which records are known to be forced to disk. */
  public long durableLsn() {
    syncLock.lock();
    try {
      return syncedLsn;
    } finally {
      syncLock.unlock();
    }
  }

  /** The LSN of the oldest record still in the log (or the next LSN when the log is empty). */
  public long firstLsn() {
    return segments.getFirst().firstLsn();
  }

  /** Records with LSN {@code from} and later, up to the last one appended now; close the reader. */
  public WalReader read(long from) {
    appendLock.lock();
    try {
      checkUsable();
      return new WalReader(storage, segments, from, lastLsn, currentSize);
    } finally {
      appendLock.unlock();
    }
  }

  /** Bytes of the segments holding records with LSN {@code from} or later (whole segments). */
  public long bytesFrom(long from) {
    List<Segment> all = segments;
    long bytes = 0;
    for (int i = 0; i < all.size(); i++) {
      boolean needed = i + 1 >= all.size() || all.get(i + 1).firstLsn() > from;
      if (needed) {
        try (LogFile file = storage.open(all.get(i).name())) {
          bytes += file.size();
        } catch (IOException e) {
          throw io(storage, "measure", e);
        }
      }
    }
    return bytes;
  }

  /**
   * Deletes the closed segments whose records all have LSNs below {@code lsn}, which every store
   * has applied durably. Returns how many it deleted. The current segment is never deleted.
   */
  public int deleteBefore(long lsn) {
    appendLock.lock();
    try {
      checkUsable();
      List<Segment> all = new ArrayList<>(segments);
      int deleted = 0;
      while (all.size() > 1 && all.get(1).firstLsn() <= lsn) {
        storage.delete(all.removeFirst().name());
        deleted++;
      }
      if (deleted > 0) {
        storage.syncDirectory();
        segments = List.copyOf(all);
      }
      return deleted;
    } catch (IOException e) {
      throw io(storage, "delete old segments of", e);
    } finally {
      appendLock.unlock();
    }
  }

  public String describe() {
    return storage.describe();
  }

  public SyncMode syncMode() {
    return options.sync();
  }

  /** Forces what was written and closes the log. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      if (failure == null) {
        sync();
      }
    } finally {
      closed = true;
      if (asyncSyncer != null) {
        asyncSyncer.interrupt();
      }
      appendLock.lock();
      try {
        current.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "closing the log in {0}: {1}", storage.describe(), e.getMessage());
      } finally {
        appendLock.unlock();
      }
    }
  }

  private void fail(IOException e) {
    syncLock.lock();
    try {
      if (failure == null) {
        failure = e;
      }
      syncDone.signalAll();
    } finally {
      syncLock.unlock();
    }
  }

  private void checkUsable() {
    if (closed) {
      throw new VeriSimException(ErrorCode.DATABASE_CLOSED, "the write-ahead log in " + storage.describe() + " is closed");
    }
    syncLock.lock();
    try {
      checkFailure();
    } finally {
      syncLock.unlock();
    }
  }

  private void checkFailure() {
    if (failure != null) {
      throw io(storage, "write", failure);
    }
  }

  private static VeriSimException io(LogStorage storage, String action, IOException e) {
    String message = String.valueOf(e.getMessage());
    String hint = message.contains("No space left") ? "; the disk is full: free space, then reopen the database"
        : "; close and reopen the database: recovery replays what reached the disk";
    return new VeriSimException(ErrorCode.STORAGE_IO, "cannot " + action + " the write-ahead log in " + storage.describe() + ": "
        + message + hint, e);
  }
}
