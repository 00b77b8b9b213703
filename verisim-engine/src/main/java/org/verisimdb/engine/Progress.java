package org.verisimdb.engine;

/**
 * Where long work (recovery, import, export, backup, migration, verification) reports how far
 * it has got. Called from the working thread; implementations must be quick.
 */
@FunctionalInterface
public interface Progress {
  /** Reports no progress. */
  Progress NONE = (stage, done, total) -> { };

  /**
   * @param stage what is being done ("replaying the log", "exporting")
   * @param done units finished so far
   * @param total units in all, or -1 when unknown
   */
  void update(String stage, long done, long total);
}
