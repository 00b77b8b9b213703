package org.verisimdb.engine.history;

import java.util.function.Function;
import org.verisimdb.engine.store.OctadStore;

/**
 * Where the engine gets the {@link History} of a database; callers get theirs from
 * {@code Session.history()}. Stateless.
 */
// Public only for the engine: OctadStore is not exported, so no code outside the module can read through this.
@SuppressWarnings("exports")
public final class Histories {
  private Histories() {}

  /** How a history reads: against the stores as of one committed LSN, registered as a snapshot while it reads. */
  public interface Reads {
    /** Runs {@code work} on the stores as of the visible LSN; {@code what} describes the read in error messages. */
    <T> T read(String what, Function<OctadStore, T> work);
  }

  /**
   * The history of the octads {@code reads} reaches.
   *
   * @param historyLimit version records a reconstructed octad carries ({@code temporal.history_limit})
   * @param maxLimit the largest page of versions ({@code vql.max_limit})
   */
  public static History over(Reads reads, int historyLimit, int maxLimit) {
    return new StoredHistory(reads, historyLimit, maxLimit);
  }
}
