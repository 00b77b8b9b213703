package org.verisimdb.storage.wal;

/**
 * Settings of a write-ahead log.
 *
 * @param sync when commits are acknowledged (see {@link SyncMode})
 * @param asyncIntervalMillis how often the ASYNC mode fsyncs
 * @param segmentBytes a segment is closed and a new one started once it grows past this size
 */
public record WalOptions(SyncMode sync, int asyncIntervalMillis, long segmentBytes) {
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  public WalOptions {
    if (sync == null) {
      throw new IllegalArgumentException("a sync mode is required");
    }
    if (asyncIntervalMillis < 1 || asyncIntervalMillis > 60_000) {
      throw new IllegalArgumentException("async interval " + asyncIntervalMillis + " ms is outside 1..60000");
    }
    if (segmentBytes < (1 << 16) || segmentBytes > (1L << 40)) {
      throw new IllegalArgumentException("segment size " + segmentBytes + " is outside 64 KiB..1 TiB");
    }
  }

  public static WalOptions defaults() {
    return new WalOptions(SyncMode.FSYNC, 10, DEFAULT_SEGMENT_BYTES);
  }
}
