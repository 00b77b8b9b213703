package org.verisimdb.engine.query.proof;

import java.util.List;
import org.verisimdb.model.Octad;

/**
 * EXISTENCE (VQL.md §7.3): the octad exists in the read view. Evidence: {@code id},
 * {@code version}, {@code version_hash}, {@code content_hash}, and {@code leaf_index} with
 * {@code inclusion_path} when the octad's row is in the result.
 */
final class ExistenceProof implements ObligationCheck {
  private final Merkle.Tree result;

  ExistenceProof(ProofSpecs.Spec spec, ProofContext ctx) {
    ProofSpecs.allowOnly(spec, List.of());
    this.result = ctx.result();
  }

  @Override
  public Obligation check(Octad octad, Integer leafIndex) {
    Evidence e = Evidence.about(octad.id())
        .put("version", octad.version())
        .put("version_hash", Evidence.versionHash(octad))
        .put("content_hash", Evidence.contentHash(octad));
    if (leafIndex != null) {
      e.put("leaf_index", leafIndex).put("inclusion_path", result.path(leafIndex));
    }
    return e.pass();
  }
}
