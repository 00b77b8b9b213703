package org.verisimdb.storage.wal;

/**
 * A segment of the log: its number, file name, the LSN of its first record, and whether its
 * header marks an LSN jump (records lost from an unsynced tail before it, see {@link Wal}).
 */
record Segment(long number, String name, long firstLsn, boolean lsnJump) {
  static final short FLAG_LSN_JUMP = 1;
}
