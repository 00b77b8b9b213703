package org.verisimdb.engine.index;

import java.time.Duration;

/** What an index rebuild did: the octads indexed, the LSN the index now holds, and how long it took. */
public record IndexReport(long octads, long lsn, long bytes, Duration elapsed) {}
