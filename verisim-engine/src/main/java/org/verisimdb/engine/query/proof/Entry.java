package org.verisimdb.engine.query.proof;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.vql.ast.Value;

/**
 * The outcome of one proof spec: an entry of the certificate's {@code proofs} (VQL.md §7.7).
 * Verified iff every obligation is; the reason is null exactly when verified, and otherwise
 * {@code "<code>: <text>"} (§7.4), the first failing obligation's reason. A vacuous entry (no
 * subject octads) is verified and has no obligations.
 *
 * @param params the spec's parameters as written
 * @param evidence {@code {"octads": [one object per obligation]}} plus any members given once per spec
 */
public record Entry(String type, String argument, Value.Obj params, boolean verified, String reason, boolean vacuous, Value.Obj evidence) {
  public Entry {
    if (verified != (reason == null)) {
      throw new IllegalArgumentException(verified ? "a verified proof has no reason, got " + reason : "a failed proof needs a reason");
    }
    if (!(evidence.members().get("octads") instanceof Value.Arr octads)) {
      throw new IllegalArgumentException("evidence needs an 'octads' array: " + evidence);
    }
    if (vacuous && (!verified || !octads.elements().isEmpty())) {
      throw new IllegalArgumentException("a vacuous proof is verified and has no obligations");
    }
  }

  /** The entry of a spec whose subject set is empty: verified, vacuous (warning VQL-WARN-005). */
  public static Entry vacuous(ProofSpecs.Spec spec) {
    return new Entry(spec.type(), spec.argument(), spec.paramsObject(), true, null, true, octads(List.of()));
  }

  /** The entry of a spec from its obligations, in subject order; the reason is the first failure's. */
  static Entry of(ProofSpecs.Spec spec, List<Obligation> obligations) {
    return of(spec, obligations, Map.of());
  }

  /** As {@link #of(ProofSpecs.Spec, List)}, the evidence also stating {@code once} (members given once per spec). */
  static Entry of(ProofSpecs.Spec spec, List<Obligation> obligations, Map<String, Value> once) {
    String first = null;
    int failed = 0;
    for (Obligation o : obligations) {
      if (!o.verified()) {
        first = first == null ? o.reason() : first;
        failed++;
      }
    }
    String reason = failed <= 1 ? first : first + " (and " + (failed - 1) + " more failing obligation" + (failed == 2 ? ")" : "s)");
    Map<String, Value> evidence = new LinkedHashMap<>(once);
    evidence.put("octads", new Value.Arr(evidence(obligations)));
    return new Entry(spec.type(), spec.argument(), spec.paramsObject(), reason == null, reason, false, new Value.Obj(evidence));
  }

  /** The entry of a spec that fails as a whole for {@code reason}, with its obligations (possibly none). */
  static Entry failed(ProofSpecs.Spec spec, List<Obligation> obligations, String reason) {
    return new Entry(spec.type(), spec.argument(), spec.paramsObject(), false, reason, false, octads(evidence(obligations)));
  }

  private static List<Value> evidence(List<Obligation> obligations) {
    List<Value> objects = new ArrayList<>(obligations.size());
    obligations.forEach(o -> objects.add(o.evidence()));
    return objects;
  }

  private static Value.Obj octads(List<Value> objects) {
    return new Value.Obj(Map.of("octads", new Value.Arr(objects)));
  }

  /** The entry as the certificate holds it. */
  public Value.Obj toJson() {
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("type", new Value.Str(type));
    m.put("argument", new Value.Str(argument));
    m.put("params", params);
    m.put("verified", verified ? Value.TRUE : Value.FALSE);
    m.put("reason", reason == null ? Value.NULL : new Value.Str(reason));
    m.put("vacuous", vacuous ? Value.TRUE : Value.FALSE);
    m.put("evidence", evidence);
    return new Value.Obj(m);
  }
}
