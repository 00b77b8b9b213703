package org.verisimdb.engine.query.proof;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.verisimdb.model.Octad;
import org.verisimdb.model.facet.ProvenanceFacet;
import org.verisimdb.model.facet.ProvenanceRecord;
import org.verisimdb.model.hash.Sha256;

/**
 * PROVENANCE (VQL.md §7.3): the chain exists, has at least {@code min_length} records (default
 * 1) and verifies; with {@code actor} or {@code source}, some record has that actor or source.
 * Evidence: {@code id}, {@code genesis}, and every record with all its fields and
 * {@code content_hash}, so a reader can recompute the chain. The checks run in that order and
 * the first failure is the reason: {@code modality_absent}, {@code chain_broken},
 * {@code too_short}, {@code actor_missing} (a missing source too: §7.4 has no separate code).
 */
final class ProvenanceProof implements ObligationCheck {
  static final List<String> PARAMS = List.of("min_length", "actor", "source");

  private final long minLength;
  private final String actor;
  private final String source;

  ProvenanceProof(ProofSpecs.Spec spec) {
    ProofSpecs.allowOnly(spec, PARAMS);
    this.minLength = ProofSpecs.integer(spec, "min_length", 1, 1);
    this.actor = ProofSpecs.text(spec, "actor");
    this.source = ProofSpecs.text(spec, "source");
  }

  @Override
  public Obligation check(Octad octad, Integer leafIndex) {
    Evidence e = Evidence.about(octad.id());
    ProvenanceFacet chain = octad.provenance().orElse(null);
    if (chain == null) {
      return e.fail("modality_absent", "octad " + octad.id() + " has no PROVENANCE modality");
    }
    List<ProvenanceRecord> records = chain.records();
    e.put("genesis", Sha256.GENESIS).put("records", records.stream().map(ProvenanceRecord::toJson).toList());
    ProvenanceFacet.Verification v = chain.verify();
    if (!v.valid()) {
      return e.fail("chain_broken", "the provenance chain of octad " + octad.id() + " does not verify: " + v.reason());
    }
    if (records.size() < minLength) {
      return e.fail("too_short", "octad " + octad.id() + " has " + records.size() + " provenance record" + (records.size() == 1 ? "" : "s")
          + "; min_length is " + minLength);
    }
    if (actor != null && absent(records, ProvenanceRecord::actor, actor)) {
      return e.fail("actor_missing", "no provenance record of octad " + octad.id() + " has actor '" + actor + "'");
    }
    if (source != null && absent(records, ProvenanceRecord::source, source)) {
      return e.fail("actor_missing", "no provenance record of octad " + octad.id() + " has source '" + source + "'");
    }
    return e.pass();
  }

  private static boolean absent(List<ProvenanceRecord> records, Function<ProvenanceRecord, String> field, String wanted) {
    return records.stream().noneMatch(r -> Objects.equals(field.apply(r), wanted));
  }
}
