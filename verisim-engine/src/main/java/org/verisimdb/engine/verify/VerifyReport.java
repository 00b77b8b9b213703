package org.verisimdb.engine.verify;

import java.time.Duration;
import java.util.List;

/**
 * What a verification found: how much it checked and every problem (the first
 * {@value Verifier#MAX_LISTED} listed, all counted). Intact iff there is no problem.
 */
public record VerifyReport(long octads, long deleted, long versions, long provenanceRecords, long logRecords, long problemCount,
    List<String> problems, Duration elapsed) {
  public VerifyReport {
    problems = List.copyOf(problems);
  }

  public boolean intact() {
    return problemCount == 0;
  }
}
