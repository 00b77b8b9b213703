package org.verisimdb.engine.query.proof;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.verisimdb.vql.ast.Value;

/**
 * The offline check of VQL.md §7.8, which needs no database: given the rows of a page (each its
 * canonical JSON text, exactly as returned) and the certificate, it
 * <ol>
 *   <li>recomputes {@code query_hash} from {@code statement}, and {@code params_hash} when the
 *       parameters are known;
 *   <li>recomputes the Merkle root from the rows and compares it and {@code row_count};
 *   <li>checks the evidence: inclusion paths lead to the root from the row at their index (and
 *       that row's {@code id} is the octad's), provenance chains link and recompute from their
 *       genesis, {@code age_ms} recomputes from {@code issued_at} and {@code modified_at}, and
 *       the numeric conditions of verified obligations hold ({@code age ≤ max_age},
 *       {@code score ≤ max_drift}, record count ≥ {@code min_length}, actor and source present),
 *       and INTEGRITY version records recompute, link, and hold the recomputed modality hashes
 *       ({@link IntegrityCheck});
 *   <li>checks that each entry's {@code verified} agrees with its obligations and the
 *       certificate's with its entries, and that the certificate is verified.
 * </ol>
 * Step 5 (the signature) does not apply: this node does not sign. Recorded hashes are not
 * recomputed from row data (a row does not say whether it holds a whole modality), and ACCESS,
 * CITATION, CUSTOM, ZKP, PROVEN and SANCTIFY evidence is not checked beyond step 4: this node
 * never issues such proofs verified. Stateless.
 */
public final class CertificateCheck {
  private CertificateCheck() {}

  /** The problems found, empty when rows and certificate are consistent and verified; parameters unknown. */
  public static List<String> check(List<String> rows, Value.Obj certificate) {
    return check(rows, certificate, null);
  }

  /**
   * As {@link #check(List, Value.Obj)}, also recomputing {@code params_hash} from {@code params}
   * as bound ({@link Value.Arr} or {@link Value.Obj}; {@link Value#NULL} for none; null when
   * unknown).
   */
  public static List<String> check(List<String> rows, Value.Obj certificate, Value params) {
    List<String> problems = new ArrayList<>();
    statement(certificate, params, problems);
    Value.Obj result = JsonValues.object(certificate, "result");
    String root = result == null ? null : JsonValues.text(result, "merkle_root");
    List<byte[]> leaves = rows.stream().map(r -> r.getBytes(StandardCharsets.UTF_8)).toList();
    if (result == null || root == null) {
      problems.add("result: missing {row_count, merkle_root}");
    } else {
      Long count = JsonValues.integer(result, "row_count");
      if (count == null || count != rows.size()) {
        problems.add("result.row_count is " + count + " but there are " + rows.size() + " rows");
      }
      String recomputed = Merkle.root(leaves);
      if (!recomputed.equals(root)) {
        problems.add("result.merkle_root is " + root + " but the rows hash to " + recomputed);
      }
    }
    List<Value> proofs = JsonValues.array(certificate, "proofs");
    if (proofs == null) {
      problems.add("proofs: missing");
      return problems;
    }
    EvidenceCheck evidence = new EvidenceCheck(rows, leaves, root, JsonValues.time(certificate, "issued_at"), problems);
    boolean all = true;
    for (int i = 0; i < proofs.size(); i++) {
      if (!(proofs.get(i) instanceof Value.Obj entry)) {
        problems.add("proofs[" + i + "] is not an object");
        all = false;
        continue;
      }
      all &= entry(i, entry, evidence, problems);
    }
    Boolean verified = JsonValues.bool(certificate, "verified");
    if (verified == null || verified != all) {
      problems.add("verified is " + verified + " but the conjunction of the proofs is " + all);
    }
    if (!Boolean.TRUE.equals(verified)) {
      problems.add("the certificate is not verified: it attests no rows");
    }
    return problems;
  }

  /** Parses the certificate's JSON text and checks it; a text that is not a JSON object is one problem. */
  public static List<String> check(List<String> rows, String certificateJson, Value params) {
    Value parsed;
    try {
      parsed = JsonValues.parse(certificateJson);
    } catch (IllegalArgumentException e) {
      return List.of("the certificate is " + e.getMessage());
    }
    if (!(parsed instanceof Value.Obj certificate)) {
      return List.of("the certificate is not a JSON object");
    }
    return check(rows, certificate, params);
  }

  private static void statement(Value.Obj certificate, Value params, List<String> problems) {
    if (!Long.valueOf(Certificate.VERSION).equals(JsonValues.integer(certificate, "version"))) {
      problems.add("version is " + certificate.get("version") + "; this check reads version " + Certificate.VERSION);
    }
    String statement = JsonValues.text(certificate, "statement");
    String queryHash = JsonValues.text(certificate, "query_hash");
    if (statement == null) {
      problems.add("statement: missing");
    } else if (!Certificate.queryHash(statement).equals(queryHash)) {
      problems.add("query_hash is " + queryHash + " but the statement hashes to " + Certificate.queryHash(statement));
    }
    if (params != null) {
      String expected = Certificate.paramsHash(params);
      String given = JsonValues.text(certificate, "params_hash");
      if (!expected.equals(given)) {
        problems.add("params_hash is " + given + " but the parameters hash to " + expected);
      }
    }
  }

  /** Checks one entry; returns its {@code verified}. */
  private static boolean entry(int i, Value.Obj entry, EvidenceCheck evidence, List<String> problems) {
    String type = JsonValues.text(entry, "type");
    String where = "proofs[" + i + "] " + type + "(" + JsonValues.text(entry, "argument") + ")";
    Boolean verified = JsonValues.bool(entry, "verified");
    boolean vacuous = Boolean.TRUE.equals(JsonValues.bool(entry, "vacuous"));
    Value.Obj ev = JsonValues.object(entry, "evidence");
    List<Value> octads = ev == null ? null : JsonValues.array(ev, "octads");
    if (verified == null || octads == null) {
      problems.add(where + ": missing verified or evidence.octads");
      return false;
    }
    reason(where, entry, verified, problems);
    Value.Obj params = JsonValues.object(entry, "params");
    boolean allPass = true;
    for (int k = 0; k < octads.size(); k++) {
      if (!(octads.get(k) instanceof Value.Obj octad)) {
        problems.add(where + ": evidence.octads[" + k + "] is not an object");
        allPass = false;
        continue;
      }
      String at = where + ", octad " + JsonValues.text(octad, "id");
      Boolean ok = JsonValues.bool(octad, "verified");
      reason(at, octad, Boolean.TRUE.equals(ok), problems);
      allPass &= Boolean.TRUE.equals(ok);
      evidence.check(at, type, params == null ? new Value.Obj(Map.of()) : params, ev, octad, Boolean.TRUE.equals(ok));
    }
    if (vacuous && !octads.isEmpty()) {
      problems.add(where + ": vacuous but has " + octads.size() + " obligations");
    }
    if (verified && (!allPass || (octads.isEmpty() && !vacuous))) {
      problems.add(where + ": verified, but " + (allPass ? "has no obligations and is not vacuous" : "an obligation failed"));
    }
    if (!verified && allPass && !octads.isEmpty() && JsonValues.text(entry, "reason") == null) {
      problems.add(where + ": not verified, yet every obligation passed and no reason is given");
    }
    return verified;
  }

  private static void reason(String where, Value.Obj o, boolean verified, List<String> problems) {
    String reason = JsonValues.text(o, "reason");
    if (verified && reason != null) {
      problems.add(where + ": verified but gives reason '" + reason + "'");
    } else if (!verified && (reason == null || !reason.matches("(?s)[a-z_]+: .*"))) {
      problems.add(where + ": failed without a reason of the form '<code>: <text>'");
    }
  }
}
