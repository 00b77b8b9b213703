package org.verisimdb.storage.lmdb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.stream.Stream;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.CopyFlags;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.Txn;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Consistent copies of an environment for {@link LmdbBackend#copyTo}. LMDB copies inside one read
 * transaction of its own ({@code mdb_env_copy2}, compacting: free pages are left out), so writes go
 * on meanwhile. Which batches the copy holds is known only afterwards, so the applied LSN is read
 * back from the copy itself: it is exactly the copy's, never a guess from before or after.
 *
 * <p>Stateless; the caller holds the environment open while a copy runs.
 */
final class LmdbCopy {
  static final String DATA_FILE = "data.mdb";

  private LmdbCopy() {}

  /** Copies {@code env} into {@code target} (created if needed, and empty), makes it durable, and returns its applied LSN. */
  static long copy(Env<byte[]> env, Path target, LmdbSettings settings) {
    prepare(target);
    env.copy(target.toFile(), CopyFlags.MDB_CP_COMPACT);
    try {
      // mdb_env_copy2 does not sync what it wrote; a backup must survive a power cut.
      force(target.resolve(DATA_FILE));
      force(target);
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot make the LMDB copy in " + target + " durable: " + e.getMessage()
          + "; check the disk, then copy again into an empty directory", e);
    }
    return appliedLsnOf(target, settings);
  }

  private static void prepare(Path target) {
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "directory", "cannot copy the LMDB environment to " + target
          + ": it is a file, not a directory; give a new or empty directory");
    }
    try {
      Files.createDirectories(target);
      try (Stream<Path> entries = Files.list(target)) {
        Iterator<Path> first = entries.iterator();
        if (first.hasNext()) {
          throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, "directory", "cannot copy the LMDB environment to " + target
              + ": the directory is not empty (it holds " + first.next().getFileName() + "); give a new or empty directory");
        }
      }
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot create the copy directory " + target + ": " + e
          + "; check that its parent exists and is writable", e);
    }
  }

  /** Reads the applied LSN of the finished copy, opened read-only. */
  private static long appliedLsnOf(Path target, LmdbSettings settings) {
    try (Env<byte[]> copy = Env.create(ByteArrayProxy.PROXY_BA).setMapSize(settings.mapSizeBytes())
        .setMaxDbs(LmdbKeyspaces.MAX_DBIS).setMaxReaders(1).open(target.toFile(), EnvFlags.MDB_RDONLY_ENV, EnvFlags.MDB_NOTLS);
        Txn<byte[]> txn = copy.txnRead()) {
      Dbi<byte[]> meta = copy.openDbi(txn, LmdbFormatV1.META_DBI.getBytes(StandardCharsets.UTF_8), null, false);
      return LmdbFormatV1.readAppliedLsn(txn, meta, target);
    }
  }

  private static void force(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
