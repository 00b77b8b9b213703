package org.verisimdb.storage.rocksdb;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.rocksdb.Checkpoint;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Copies an open database with a RocksDB checkpoint: table files are hard-linked where the file
 * system allows (copied otherwise), the manifest and options copied, so a copy is quick and
 * small, and any RocksDB backend opens it.
 *
 * <p>Thread-safe: stateless; the caller makes sure nothing is written while a checkpoint is made.
 */
final class Checkpoints {
  private Checkpoints() {}

  /**
   * Writes a checkpoint of {@code db} into {@code target}. The data must already be flushed:
   * with RocksDB's WAL off, what is only in memtables is in no file a checkpoint could link.
   */
  static void create(RocksDB db, Path source, Path target) {
    Path absolute = target.toAbsolutePath();
    prepare(absolute);
    try (Checkpoint checkpoint = Checkpoint.create(db)) {
      checkpoint.createCheckpoint(absolute.toString());
    } catch (RocksDBException e) {
      throw RocksDbErrors.wrap(e, "copy the database to '" + absolute + "'", source);
    }
  }

  // RocksDB creates the target itself and refuses one that exists, while copyTo's contract
  // accepts an existing empty directory: remove that one, and refuse anything else in the way.
  private static void prepare(Path target) {
    try {
      if (Files.isDirectory(target)) {
        try (Stream<Path> entries = Files.list(target)) {
          if (entries.findAny().isPresent()) {
            throw notEmpty(target);
          }
        }
        Files.delete(target);
      } else if (Files.exists(target)) {
        throw new VeriSimException(ErrorCode.INVALID_ARGUMENT, "cannot copy the RocksDB database to '" + target
            + "': it is a file, not a directory; choose a new or empty directory");
      }
      Path parent = target.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (DirectoryNotEmptyException e) {
      throw notEmpty(target); // something appeared between the listing and the delete
    } catch (IOException e) {
      throw RocksDbErrors.io(e, "prepare the copy directory", target);
    }
  }

  private static VeriSimException notEmpty(Path target) {
    return new VeriSimException(ErrorCode.INVALID_ARGUMENT, "cannot copy the RocksDB database to '" + target
        + "': the directory is not empty; choose a new or empty directory so nothing in it is overwritten");
  }
}
