package org.verisimdb.storage.wal;

/**
 * One record of the log as read back: its LSN, type, payload, and where it lies, for messages.
 *
 * @param segment the segment file name
 * @param offset the byte offset of the record in that file
 */
public record WalRecord(long lsn, int type, byte[] payload, String segment, long offset) {
  /** Bytes the record takes in its segment. */
  public int size() {
    return WalFormatV1.RECORD_OVERHEAD + payload.length;
  }
}
