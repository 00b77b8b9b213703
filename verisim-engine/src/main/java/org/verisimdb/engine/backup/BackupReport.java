package org.verisimdb.engine.backup;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a backup did: where, whether incremental, the log range now in the backup, how many log
 * records and bytes this run copied, and how long it took.
 */
public record BackupReport(Path target, boolean incremental, long logFrom, long lastLsn, long recordsCopied, long bytesCopied, Duration elapsed) {}
