package org.verisimdb.engine.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.verisimdb.model.Modality;

/**
 * What a migration copied and how its check went: per modality the octads that have it, and per
 * keyspace the number of keys and a SHA-256 over them, equal in source and copy.
 */
public record MigrationReport(Path target, String backend, long lsn, long octads, Map<Modality, Long> perModality,
    Map<String, KeyspaceDigest> keyspaces, Duration elapsed) {
  public MigrationReport {
    perModality = Map.copyOf(perModality);
    keyspaces = Map.copyOf(keyspaces);
  }
}
