package org.verisimdb.engine.query.proof;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.vql.diag.DiagnosticCode;

/**
 * The proof types this node verifies: EXISTENCE, INTEGRITY, PROVENANCE, FRESHNESS and
 * CONSISTENCY (one class each). INTEGRITY knows the built-in contract {@code default} (what
 * {@code INTEGRITY(*)} uses) and the contracts it is constructed with; a contract it does not
 * know cannot be evaluated, so each of its obligations fails with {@code not_available}. Every
 * other type (ACCESS, CITATION, CUSTOM, ZKP, PROVEN, SANCTIFY) fails with
 * {@code "not_available: <type> proofs are not available on this node yet"} on each of its
 * obligations. Both kinds fail also over an empty subject set: a proof this node cannot produce
 * never passes, not even vacuously. An octad named by an id argument that does not exist in the
 * read view fails with {@code not_found}. Stateless and thread-safe.
 */
public final class BuiltInProofs implements ProofVerifier {
  private final Map<String, IntegrityContract> integrity = new HashMap<>();

  /** A verifier whose only INTEGRITY contract is the built-in {@code default}. */
  public BuiltInProofs() {
    this(List.of());
  }

  /** A verifier that also knows these INTEGRITY contracts; each name once, {@code default} being built in. */
  public BuiltInProofs(Collection<IntegrityContract> contracts) {
    integrity.put(IntegrityContract.DEFAULT_NAME, IntegrityContract.DEFAULT);
    for (IntegrityContract c : contracts) {
      if (integrity.putIfAbsent(c.name(), c) != null) {
        throw new IllegalArgumentException("INTEGRITY contract '" + c.name() + "' is given twice, or shadows the built-in one");
      }
    }
  }

  @Override
  public Entry verify(ProofSpecs.Spec spec, Subjects subjects, ProofContext ctx) {
    IntegrityContract contract = null;
    if (spec.type().equals("INTEGRITY")) {
      contract = integrity.get(spec.all() ? IntegrityContract.DEFAULT_NAME : spec.argument());
      if (contract == null) {
        return unavailable(spec, subjects, "no INTEGRITY contract '" + spec.argument() + "' is registered on this node, so it cannot be"
            + " evaluated; INTEGRITY(*) uses the built-in contract default");
      }
    }
    ObligationCheck check = switch (spec.type()) {
      case "EXISTENCE" -> new ExistenceProof(spec, ctx);
      case "INTEGRITY" -> new IntegrityProof(spec, contract, ctx);
      case "PROVENANCE" -> new ProvenanceProof(spec);
      case "FRESHNESS" -> new FreshnessProof(spec, ctx);
      case "CONSISTENCY" -> new ConsistencyProof(spec, ctx);
      default -> null;
    };
    if (check == null) {
      return unavailable(spec, subjects, spec.type() + " proofs are not available on this node yet");
    }
    if (spec.perSubject()) {
      if (subjects.isEmpty()) {
        return Entry.vacuous(spec);
      }
      List<Obligation> done = new ArrayList<>(subjects.list().size());
      for (Subjects.Subject s : subjects.list()) {
        done.add(check.check(s.octad(), s.leafIndex()));
      }
      return Entry.of(spec, done, check.once());
    }
    OctadId id = id(spec);
    Optional<Subjects.Subject> subject = subjects.find(id);
    Optional<Octad> octad = subject.map(Subjects.Subject::octad).or(() -> ctx.read(id));
    Obligation one = octad.isEmpty()
        ? Evidence.about(id).fail("not_found", "octad " + id + " does not exist in the read view")
        : check.check(octad.get(), subject.map(Subjects.Subject::leafIndex).orElse(null));
    return Entry.of(spec, List.of(one), check.once());
  }

  private static Entry unavailable(ProofSpecs.Spec spec, Subjects subjects, String text) {
    List<Obligation> obligations = new ArrayList<>();
    if (spec.perSubject()) {
      subjects.list().forEach(s -> obligations.add(Evidence.about(s.id()).fail("not_available", text)));
    } else {
      obligations.add(Evidence.about(id(spec)).fail("not_available", text));
    }
    return Entry.failed(spec, obligations, "not_available: " + text);
  }

  private static OctadId id(ProofSpecs.Spec spec) {
    try {
      return OctadId.of(spec.argument());
    } catch (VeriSimException e) {
      throw new VqlException(DiagnosticCode.VALUE_001, "the argument of " + spec.label() + " is not an octad id: " + e.getMessage());
    }
  }
}
