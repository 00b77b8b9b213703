package org.verisimdb.vql.check;

import java.util.List;
import org.verisimdb.vql.diag.Diagnostic;

/** Diagnostics of analysis, sorted by position, and the proof obligations of a VQL-DT statement. */
public record CheckResult(List<Diagnostic> diagnostics, List<Obligation> obligations) {
  public CheckResult {
    diagnostics = List.copyOf(diagnostics);
    obligations = List.copyOf(obligations);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
