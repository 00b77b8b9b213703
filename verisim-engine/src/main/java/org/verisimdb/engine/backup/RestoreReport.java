package org.verisimdb.engine.backup;

import java.nio.file.Path;
import java.time.Duration;

/** What a restore made: the database directory, the LSN it was restored to, log records replayed, octads it holds. */
public record RestoreReport(Path target, long lsn, long records, long octads, Duration elapsed) {}
