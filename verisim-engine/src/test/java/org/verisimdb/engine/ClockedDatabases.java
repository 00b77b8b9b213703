package org.verisimdb.engine;

import java.time.Clock;

/**
 * Test access to in-memory databases whose commit times come from a given clock, for tests in
 * other packages whose expected results depend on commit times (AS OF, TEMPORAL BETWEEN).
 */
public final class ClockedDatabases {
  private ClockedDatabases() {}

  /** A new, empty in-memory database that reads commit times from {@code clock}. */
  public static Database openInMemory(DatabaseConfig config, Clock clock) {
    return VeriSimDB.openInMemory(config, clock);
  }
}
