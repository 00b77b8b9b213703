package org.verisimdb.storage.wal;

import java.io.IOException;
import java.util.List;

/**
 * The directory the write-ahead log lives in: the only way the log touches files, so tests can
 * swap in an in-memory twin ({@link MemoryLogStorage}) or one that fails on purpose. A created or
 * deleted file's directory entry is durable after {@link #syncDirectory()}.
 */
public interface LogStorage {

  /** Names of the files present, in no particular order. */
  List<String> list() throws IOException;

  /** Opens an existing file for reading and appending. */
  LogFile open(String name) throws IOException;

  /** Creates a new, empty file; fails if it exists. */
  LogFile create(String name) throws IOException;

  void delete(String name) throws IOException;

  /** Makes created and deleted directory entries durable. */
  void syncDirectory() throws IOException;

  /** Where this is, for messages ({@code /data/db/wal}). */
  String describe();
}
