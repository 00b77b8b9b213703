package org.verisimdb.engine.query.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.proof.Entry;
import org.verisimdb.vql.ast.Clauses.ProofSpec;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Span;

/**
 * The VQL-PROOF-001 error of a statement whose proofs did not all verify (VQL.md §7.1, §10.1):
 * positioned at the first failing spec, its message that spec's reason, its {@code details}
 * {@code {certificate, failed}}: the whole certificate (not verified) and the entries that
 * failed, in written order. Stateless.
 */
final class ProofFailure {
  private ProofFailure() {}

  /**
   * The error for {@code certificate}, whose {@code entries} were verified for the specs
   * {@code sources} (same order); at least one entry failed.
   */
  static VqlException of(Value.Obj certificate, List<Entry> entries, List<ProofSpec> sources) {
    List<Value> failed = new ArrayList<>();
    Entry first = null;
    Span at = null;
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (!e.verified()) {
        failed.add(e.toJson());
        if (first == null) {
          first = e;
          at = sources.get(i).span();
        }
      }
    }
    if (first == null) {
      throw new IllegalArgumentException("no proof failed, so there is no proof failure");
    }
    String message = "proof verification failed: " + first.type() + "(" + first.argument() + "): " + first.reason()
        + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more failing proof" + (failed.size() == 2 ? ")" : "s)") : "");
    Map<String, Value> details = new LinkedHashMap<>();
    details.put("certificate", certificate);
    details.put("failed", new Value.Arr(failed));
    String hint = hint(first.reason());
    return new VqlException(DiagnosticCode.PROOF_001, message, at, hint, details,
        List.of(Diagnostic.of(DiagnosticCode.PROOF_001, at, message).withHint(hint)));
  }

  /** What may be done about a failure, by its reason code. */
  private static String hint(String reason) {
    String code = reason.substring(0, Math.max(0, reason.indexOf(':')));
    return switch (code) {
      case "not_available" -> "this node cannot produce this proof; it verifies EXISTENCE, INTEGRITY(*), PROVENANCE, FRESHNESS and CONSISTENCY";
      case "stale" -> "the data is older than max_age: allow a longer max_age, or write the octad again";
      case "not_found" -> "the octad named by the proof does not exist in the statement's read view";
      default -> "details.failed gives each failing proof's reason and evidence; details.certificate the whole certificate";
    };
  }
}
