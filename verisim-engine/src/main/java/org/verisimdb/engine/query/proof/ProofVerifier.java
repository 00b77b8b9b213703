package org.verisimdb.engine.query.proof;

/**
 * Verifies one proof spec of a statement on its read view (VQL.md §7.4): one obligation per
 * subject octad for {@code *} and contract specs, one about the named octad for an id, a
 * vacuous pass for {@code *} over no subjects. Absent data, an unavailable prover or a failed
 * condition make an obligation fail with a reason; nothing passes silently. Implementations are
 * thread-safe.
 */
public interface ProofVerifier {
  /**
   * The certificate entry of {@code spec}.
   *
   * @throws org.verisimdb.engine.query.VqlException when a parameter bound at run time has the
   *     wrong type or range (the same codes the checker gives a literal)
   */
  Entry verify(ProofSpecs.Spec spec, Subjects subjects, ProofContext ctx);
}
