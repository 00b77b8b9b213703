package org.verisimdb.engine.query.proof;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.facet.ContentHash;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.VersionRecord;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;

/**
 * INTEGRITY (VQL.md §7.3, §7.6): the stored data of each modality the contract covers hashes to
 * the value recorded in the octad's current version record, so nothing changed outside the write
 * path. For each subject it recomputes the covered modality hashes from the octad as the read view
 * holds it and checks, in this order (the first failure is the reason):
 * <ol>
 *   <li>a modality the contract names is present ({@code modality_absent});
 *   <li>the version record's {@code version_hash} recomputes from its fields, and its
 *       {@code content_hash} from its {@code modality_hashes} ({@code hash_mismatch});
 *   <li>each covered modality hashes to the recorded value; under the default contract the
 *       recorded and the present modalities are also the same set ({@code hash_mismatch});
 *   <li>with {@code chain = 'full'}, the version records from version 1 run without a gap, link
 *       from the genesis hash, each recompute, and end at the current one ({@code chain_broken}).
 * </ol>
 * Evidence: the contract {@code {name, version, modalities}} once; per octad {@code id},
 * {@code version_record} (with its {@code version_hash}), the recomputed {@code modality_hashes}
 * (lower-case names) and, with {@code chain = 'full'}, {@code version_records} oldest first.
 * An octad read without its current version record, whose history cannot supply it either,
 * fails with {@code not_available}.
 */
final class IntegrityProof implements ObligationCheck {
  static final List<String> PARAMS = List.of("chain");

  private final IntegrityContract contract;
  private final boolean fullChain;
  private final ProofContext ctx;

  IntegrityProof(ProofSpecs.Spec spec, IntegrityContract contract, ProofContext ctx) {
    ProofSpecs.allowOnly(spec, PARAMS);
    String chain = ProofSpecs.text(spec, "chain");
    if (chain != null && !chain.equals("head") && !chain.equals("full")) {
      throw new VqlException(DiagnosticCode.VALUE_006, "chain of INTEGRITY must be one of head, full; found '" + chain + "'");
    }
    this.contract = contract;
    this.fullChain = "full".equals(chain);
    this.ctx = ctx;
  }

  @Override
  public Map<String, Value> once() {
    return Map.of("contract", contract.toJson());
  }

  @Override
  public Obligation check(Octad octad, Integer leafIndex) {
    Evidence e = Evidence.about(octad.id());
    VersionRecord current = current(octad);
    if (current == null) {
      return e.fail("not_available", "the current version record of octad " + octad.id() + " (version " + octad.version()
          + ") cannot be read");
    }
    e.put("version_record", current.toJson());
    List<Modality> absent = new ArrayList<>();
    Map<Modality, String> recomputed = recompute(octad, absent);
    e.put("modality_hashes", byName(recomputed));
    List<VersionRecord> chain = fullChain ? ctx.versions(octad) : List.of();
    if (fullChain) {
      e.put("version_records", chain.stream().map(VersionRecord::toJson).toList());
    }
    if (!absent.isEmpty()) {
      return e.fail("modality_absent", "octad " + octad.id() + " has no " + absent.getFirst() + " modality, which contract '"
          + contract.name() + "' covers");
    }
    String problem = recordProblem(octad, current);
    if (problem == null) {
      problem = hashProblem(octad, current, recomputed);
    }
    if (problem != null) {
      return e.fail("hash_mismatch", problem);
    }
    String broken = fullChain ? chainProblem(chain, current) : null;
    if (broken != null) {
      return e.fail("chain_broken", "the version chain of octad " + octad.id() + " " + broken);
    }
    return e.pass();
  }

  /** The record of the octad's version: the one its TEMPORAL lists first, else from its history. */
  private VersionRecord current(Octad octad) {
    VersionRecord listed = octad.temporal().current();
    if (listed != null) {
      return listed;
    }
    List<VersionRecord> all = ctx.versions(octad);
    return all.isEmpty() || all.getLast().version() != octad.version() ? null : all.getLast();
  }

  /** The hash of each covered modality as the octad holds it; a named modality the octad lacks goes to {@code absent}. */
  private Map<Modality, String> recompute(Octad octad, List<Modality> absent) {
    Map<Modality, String> out = new EnumMap<>(Modality.class);
    if (contract.coversPresent()) {
      out.putAll(ContentHash.modalityHashes(octad.facets()));
      return out;
    }
    for (Modality m : contract.modalities()) {
      Facet f = octad.facets().get(m);
      if (f == null) {
        absent.add(m);
      } else {
        out.put(m, ContentHash.of(f));
      }
    }
    return out;
  }

  private static String recordProblem(Octad octad, VersionRecord r) {
    if (!r.recomputeHash().equals(r.versionHash())) {
      return "the record of version " + r.version() + " of octad " + octad.id() + " hashes to " + r.recomputeHash() + " but states "
          + r.versionHash();
    }
    String content = ContentHash.ofOctad(octad.id(), r.modalityHashes());
    if (!content.equals(r.contentHash())) {
      return "the modality hashes recorded in version " + r.version() + " of octad " + octad.id() + " give content hash " + content
          + " but the record states " + r.contentHash();
    }
    return null;
  }

  private String hashProblem(Octad octad, VersionRecord r, Map<Modality, String> recomputed) {
    for (Map.Entry<Modality, String> m : recomputed.entrySet()) {
      String recorded = r.modalityHashes().get(m.getKey());
      if (!m.getValue().equals(recorded)) {
        return m.getKey() + " of octad " + octad.id() + " hashes to " + m.getValue() + " but version " + r.version()
            + (recorded == null ? " recorded no such modality" : " recorded " + recorded) + " (changed outside the write path)";
      }
    }
    if (contract.coversPresent()) {
      for (Modality m : r.modalityHashes().keySet()) {
        if (!recomputed.containsKey(m)) {
          return "version " + r.version() + " of octad " + octad.id() + " recorded " + m + " with hash " + r.modalityHashes().get(m)
              + " but the octad has no " + m + " data (removed outside the write path)";
        }
      }
    }
    return null;
  }

  private static String chainProblem(List<VersionRecord> chain, VersionRecord current) {
    String parent = Sha256.GENESIS;
    for (int i = 0; i < chain.size(); i++) {
      VersionRecord v = chain.get(i);
      if (v.version() != i + 1) {
        return "has no record of version " + (i + 1) + " (found version " + v.version() + " there)";
      }
      if (!v.parentHash().equals(parent)) {
        return "breaks at version " + v.version() + ": it links to " + v.parentHash() + ", not to " + parent;
      }
      if (!v.recomputeHash().equals(v.versionHash())) {
        return "breaks at version " + v.version() + ": its record hashes to " + v.recomputeHash() + " but states " + v.versionHash();
      }
      parent = v.versionHash();
    }
    if (chain.isEmpty() || !Objects.equals(chain.getLast().versionHash(), current.versionHash())) {
      return "does not end at the current version " + current.version();
    }
    return null;
  }

  private static Map<String, Object> byName(Map<Modality, String> hashes) {
    Map<String, Object> out = new LinkedHashMap<>();
    hashes.forEach((m, h) -> out.put(m.wireName(), h));
    return out;
  }
}
