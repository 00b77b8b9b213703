package org.verisimdb.index.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.text.VqlAnalyzer;
import org.verisimdb.index.vector.VectorCodec;
import org.verisimdb.model.Octad;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * The Lucene index of a database: one document per live octad, kept in step with commits by
 * {@link #apply}, made durable by {@link #commit} together with the LSN it has applied, and
 * searched through {@link IndexView}s.
 *
 * <p>The LSN and the settings fingerprint are stored in each Lucene commit's user data
 * ({@code verisim.lsn}, {@code verisim.fingerprint}, {@code verisim.format} = 1). An index that
 * is missing, damaged, of another format or built with other settings opens empty with
 * {@link #appliedLsn()} -1: the owner must {@link #rebuild} it. Otherwise it opens at its last
 * commit, and the owner replays the commits after {@link #appliedLsn()}; applying a change
 * again is harmless (a document is replaced by id).
 *
 * <p>Changes are applied by one thread at a time, in LSN order. Views are taken from any thread;
 * a view is refreshed lazily, when a caller wants a newer one than the last.
 */
public final class OctadIndex implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("org.verisimdb.index");
  static final String USER_LSN = "verisim.lsn";
  static final String USER_FINGERPRINT = "verisim.fingerprint";
  static final String USER_FORMAT = "verisim.format";
  static final String FORMAT = "1";

  private record Current(DirectoryReader reader, long lsn) {}

  private final Directory directory;
  private final IndexWriter writer;
  private final IndexSettings settings;
  private final String where;
  private final Object lock = new Object();
  private volatile long appliedLsn;
  private volatile long committedLsn;
  private volatile Current current;
  private volatile boolean closed;

  private OctadIndex(Directory directory, IndexWriter writer, IndexSettings settings, long lsn, String where) throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.settings = settings;
    this.where = where;
    this.appliedLsn = lsn;
    this.committedLsn = lsn;
    this.current = new Current(DirectoryReader.open(writer), lsn);
  }

  /**
   * Opens the index in {@code path} (created if needed), or a new one in memory when path is null.
   * Fails with INDEX_UNAVAILABLE when the directory cannot be used at all.
   */
  public static OctadIndex open(Path path, IndexSettings settings) {
    String where = path == null ? "memory" : path.toString();
    Directory dir = null;
    try {
      if (path != null) {
        Files.createDirectories(path);
      }
      dir = path == null ? new ByteBuffersDirectory() : FSDirectory.open(path);
      long lsn = -1;
      IndexWriterConfig.OpenMode mode = IndexWriterConfig.OpenMode.CREATE;
      if (DirectoryReader.indexExists(dir)) {
        String reason = reuse(dir, settings);
        if (reason == null) {
          lsn = Long.parseLong(SegmentInfos.readLatestCommit(dir).getUserData().get(USER_LSN));
          mode = IndexWriterConfig.OpenMode.APPEND;
        } else {
          LOG.log(System.Logger.Level.WARNING, "index {0} is rebuilt: {1}", where, reason);
          for (String file : dir.listAll()) {
            dir.deleteFile(file);
          }
        }
      }
      IndexWriterConfig config = new IndexWriterConfig(new VqlAnalyzer())
          .setOpenMode(mode)
          .setCodec(VectorCodec.of(settings))
          .setCommitOnClose(false)
          .setRAMBufferSizeMB(64);
      IndexWriter writer = new IndexWriter(dir, config);
      return new OctadIndex(dir, writer, settings, lsn, where);
    } catch (IOException | RuntimeException e) {
      if (dir != null) {
        try {
          dir.close();
        } catch (IOException ignored) {
          // the open failed; that failure is the one to report
        }
      }
      if (e instanceof VeriSimException v) {
        throw v;
      }
      throw new VeriSimException(ErrorCode.INDEX_UNAVAILABLE, "cannot open the index in " + where + ": " + e.getMessage()
          + "; check the directory's permissions and free space, or delete it to have it rebuilt", e);
    }
  }

  /** Null when the existing index can be used as it is, else why not. */
  private static String reuse(Directory dir, IndexSettings settings) {
    try {
      Map<String, String> user = SegmentInfos.readLatestCommit(dir).getUserData();
      if (!FORMAT.equals(user.get(USER_FORMAT)) || user.get(USER_LSN) == null) {
        return "it has no VeriSimDB format 1 commit";
      }
      if (!settings.fingerprint().equals(user.get(USER_FINGERPRINT))) {
        return "it was built with " + user.get(USER_FINGERPRINT) + ", now " + settings.fingerprint();
      }
      Long.parseLong(user.get(USER_LSN));
      return null;
    } catch (IOException | RuntimeException e) {
      return "it cannot be read (" + e + ")";
    }
  }

  public IndexSettings settings() {
    return settings;
  }

  /** The LSN of the last commit applied; -1 when the index must be rebuilt. */
  public long appliedLsn() {
    return appliedLsn;
  }

  /** The LSN the index holds durably: what it reopens at after a crash. */
  public long committedLsn() {
    return committedLsn;
  }

  /** Applies the changes of the commit at {@code lsn}; a commit already applied is skipped. */
  public void apply(long lsn, List<IndexChange> changes) {
    synchronized (lock) {
      checkOpen();
      if (lsn <= appliedLsn) {
        return;
      }
      try {
        write(changes);
      } catch (IOException | RuntimeException e) {
        throw failure("apply commit " + lsn, e);
      }
      appliedLsn = lsn;
    }
  }

  /**
   * Applies changes without moving the LSN, while catching up after an open: the changes of
   * several commits go in over several calls, then {@link #apply} at the last LSN (with no
   * changes, or the last ones) completes it. No view may be taken meanwhile.
   */
  public void catchUp(List<IndexChange> changes) {
    synchronized (lock) {
      checkOpen();
      try {
        write(changes);
      } catch (IOException | RuntimeException e) {
        throw failure("catch up", e);
      }
    }
  }

  /**
   * Writes changes in order per octad. Large sets are split by id over {@link #WRITERS} threads: the
   * writer is thread-safe, and building a document and inserting its vector into the HNSW graph
   * is most of the work.
   */
  private void write(List<IndexChange> changes) throws IOException {
    if (changes.size() < PARALLEL_FROM || WRITERS == 1) {
      for (IndexChange change : changes) {
        write(change);
      }
      return;
    }
    // Split by id, so that the changes of one octad stay in order on one thread.
    List<List<IndexChange>> byWriter = new java.util.ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      byWriter.add(new java.util.ArrayList<>());
    }
    for (IndexChange change : changes) {
      byWriter.get(Math.floorMod(change.id().hashCode(), WRITERS)).add(change);
    }
    List<java.util.concurrent.Future<?>> parts = new java.util.ArrayList<>();
    for (List<IndexChange> part : byWriter) {
      parts.add(POOL.submit(() -> {
        for (IndexChange change : part) {
          write(change);
        }
        return null;
      }));
    }
    for (java.util.concurrent.Future<?> part : parts) {
      try {
        part.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while indexing", e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IOException(e.getCause());
      }
    }
  }

  private void write(IndexChange change) throws IOException {
    Term id = new Term(IndexFields.ID, change.id().value());
    if (change.octad() == null) {
      writer.deleteDocuments(id);
    } else {
      writer.updateDocument(id, OctadDocuments.build(change.octad(), settings));
    }
  }

  private static final int PARALLEL_FROM = 16;
  private static final int WRITERS = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
  private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newFixedThreadPool(WRITERS,
      Thread.ofPlatform().name("verisim-index-writer-", 0).daemon(true).factory());

  /**
   * Replaces the whole index with {@code octads}, the live octads as of {@code lsn}, then commits.
   * Changes after {@code lsn} are applied afterwards as usual.
   */
  public void rebuild(long lsn, Iterator<Octad> octads, LongConsumer progress) {
    synchronized (lock) {
      checkOpen();
      long done = 0;
      try {
        writer.deleteAll();
        List<IndexChange> batch = new java.util.ArrayList<>(1000);
        while (octads.hasNext()) {
          batch.add(IndexChange.of(octads.next()));
          if (batch.size() == 1000 || !octads.hasNext()) {
            write(batch); // replaces by id, so a repeated octad cannot be indexed twice
            done += batch.size();
            batch.clear();
            progress.accept(done);
          }
        }
        progress.accept(done);
      } catch (IOException | RuntimeException e) {
        throw failure("rebuild at LSN " + lsn + " after " + done + " octads", e);
      }
      appliedLsn = lsn;
      commitLocked();
    }
  }

  /**
   * Merges the index into at most {@code maxSegments} segments, commits, and serves the merged
   * index to new views. A search then walks one HNSW graph and one term dictionary per segment
   * instead of one per flushed batch. Slow on a large index (the merged vector graph is built
   * again); writes wait meanwhile, searches do not.
   */
  public void compact(int maxSegments) {
    if (maxSegments < 1) {
      throw new IllegalArgumentException("maxSegments " + maxSegments);
    }
    synchronized (lock) {
      checkOpen();
      try {
        writer.forceMerge(maxSegments);
        writer.setLiveCommitData(Map.of(USER_LSN, Long.toString(appliedLsn), USER_FINGERPRINT, settings.fingerprint(),
            USER_FORMAT, FORMAT).entrySet());
        writer.commit();
        committedLsn = appliedLsn;
        Current c = current;
        DirectoryReader next = DirectoryReader.openIfChanged(c.reader(), writer);
        if (next != null) {
          current = new Current(next, appliedLsn);
          c.reader().decRef();
        }
      } catch (IOException | RuntimeException e) {
        throw failure("compaction to " + maxSegments + " segments at LSN " + appliedLsn, e);
      }
    }
  }

  /** The number of segments a new view searches. */
  public int segments() {
    try (IndexView v = view()) {
      return v.searcher().getIndexReader().leaves().size();
    }
  }

  /** Makes everything applied durable with its LSN; returns that LSN. */
  public long commit() {
    synchronized (lock) {
      checkOpen();
      commitLocked();
      return committedLsn;
    }
  }

  private void commitLocked() {
    if (committedLsn == appliedLsn && !writer.hasUncommittedChanges()) {
      return;
    }
    try {
      writer.setLiveCommitData(Map.of(USER_LSN, Long.toString(appliedLsn), USER_FINGERPRINT, settings.fingerprint(),
          USER_FORMAT, FORMAT).entrySet());
      writer.commit();
      committedLsn = appliedLsn;
    } catch (IOException | RuntimeException e) {
      throw failure("commit at LSN " + appliedLsn, e);
    }
  }

  /** A view of the newest applied state. */
  public IndexView view() {
    return view(appliedLsn);
  }

  /** A view at {@code minLsn} or later; fails when the index has not applied that far. */
  public IndexView view(long minLsn) {
    checkOpen();
    if (appliedLsn < minLsn) {
      throw new IllegalStateException("the index has applied LSN " + appliedLsn + ", not " + minLsn);
    }
    while (true) {
      Current c = current;
      if (c.lsn() < minLsn) {
        c = refresh();
      }
      if (c.reader().tryIncRef()) {
        IndexSearcher searcher = new IndexSearcher(c.reader());
        return new IndexView(c.reader(), searcher, c.lsn(), settings);
      }
    }
  }

  private Current refresh() {
    synchronized (lock) {
      checkOpen();
      Current c = current;
      if (c.lsn() == appliedLsn) {
        return c;
      }
      try {
        DirectoryReader next = DirectoryReader.openIfChanged(c.reader(), writer);
        Current fresh = new Current(next == null ? c.reader() : next, appliedLsn);
        current = fresh;
        if (next != null) {
          c.reader().decRef();
        }
        return fresh;
      } catch (IOException | RuntimeException e) {
        throw failure("refresh at LSN " + appliedLsn, e);
      }
    }
  }

  /** Live octads indexed and bytes the index files take. */
  public record Stats(long octads, long bytes, long appliedLsn, long committedLsn) {}

  public Stats stats() {
    try (IndexView v = view()) {
      long bytes = 0;
      for (String file : directory.listAll()) {
        try {
          bytes += directory.fileLength(file);
        } catch (NoSuchFileException | java.io.FileNotFoundException gone) {
          // merged away meanwhile
        }
      }
      return new Stats(v.octads(), bytes, appliedLsn, committedLsn);
    } catch (IOException e) {
      throw failure("read its size", e);
    }
  }

  private VeriSimException failure(String what, Exception e) {
    if (e instanceof VeriSimException v) {
      return v;
    }
    LOG.log(System.Logger.Level.ERROR, "index " + where + " failed to " + what + ": " + e, e);
    return new VeriSimException(ErrorCode.INDEX_UNAVAILABLE, "the index in " + where + " failed to " + what + ": " + e.getMessage()
        + "; the stored data is unaffected: reopen the database, or rebuild the index", e);
  }

  private void checkOpen() {
    if (closed) {
      throw new VeriSimException(ErrorCode.INDEX_UNAVAILABLE, "the index in " + where + " is closed");
    }
  }

  /** Closes without committing: what was applied since the last {@link #commit} is replayed on the next open. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        current.reader().decRef();
        writer.rollback(); // drops uncommitted changes and closes the writer
        directory.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "closing index " + where + ": " + e, e);
      }
    }
  }
}
