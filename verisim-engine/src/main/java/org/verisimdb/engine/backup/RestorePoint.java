package org.verisimdb.engine.backup;

import java.time.Instant;

/** Where a restore stops replaying the backup's log: its end, an LSN, or the last commit at or before a time. */
public sealed interface RestorePoint {
  record Latest() implements RestorePoint {}

  record AtLsn(long lsn) implements RestorePoint {}

  record AtTime(Instant time) implements RestorePoint {}

  static RestorePoint latest() {
    return new Latest();
  }
}
