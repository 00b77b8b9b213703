package org.verisimdb.engine.query.proof;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verisimdb.engine.query.value.ValueJson;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.vql.ast.Value;

/**
 * Step 3 of the offline check (VQL.md §7.8) for the evidence of one INTEGRITY obligation: what
 * recomputes from the evidence alone. The version record's {@code version_hash} recomputes from
 * its fields and its {@code content_hash} from its {@code modality_hashes} and the octad id; a
 * verified obligation's recomputed {@code modality_hashes} equal the recorded ones (all of them
 * under the built-in contract {@code default}, the contract's modalities otherwise); a
 * {@code version_records} chain runs from version 1, links from the genesis hash, recomputes and
 * ends at the version record, and is present when {@code chain = 'full'}. Whether the
 * recomputed hashes are those of the stored data is what the issuer attests: the rows do not
 * say whether they hold a whole modality, so they are not hashed here. Stateless.
 */
final class IntegrityCheck {
  /** The members of a version record that its {@code version_hash} covers (§7.6). */
  private static final List<String> RECORD_MEMBERS = List.of("version", "committed_at", "actor", "label", "message", "valid_from",
      "modality_hashes", "content_hash", "parent_hash");

  private IntegrityCheck() {}

  /** Checks one obligation; {@code entryEvidence} holds the contract, stated once per spec. */
  static void check(String at, Value.Obj params, Value.Obj entryEvidence, Value.Obj octad, boolean verified, List<String> problems) {
    Value.Obj record = JsonValues.object(octad, "version_record");
    if (record == null) {
      if (verified) {
        problems.add(at + ": verified without a version_record");
      }
      return;
    }
    String id = JsonValues.text(octad, "id");
    boolean intact = recordRecomputes(at, id, record, verified, problems);
    List<Value> chain = JsonValues.array(octad, "version_records");
    if (chain != null) {
      intact &= chainLinks(at, chain, record, verified, problems);
    } else if (verified && "full".equals(JsonValues.text(params, "chain"))) {
      problems.add(at + ": verified with chain = 'full' but without version_records");
    }
    if (verified && intact) {
      modalities(at, entryEvidence, octad, record, problems);
    }
  }

  /** True when the record's version hash and content hash recompute; problems are reported only for a verified obligation. */
  private static boolean recordRecomputes(String at, String id, Value.Obj record, boolean verified, List<String> problems) {
    String stated = JsonValues.text(record, "version_hash");
    String recomputed = versionHash(record);
    boolean ok = true;
    if (!recomputed.equals(stated)) {
      ok = false;
      if (verified) {
        problems.add(at + ": version_record hashes to " + recomputed + " but states " + stated);
      }
    }
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("id", id);
    content.put("modalities", ValueJson.toPlain(record.get("modality_hashes")));
    String contentHash = Sha256.ofCanonicalJson(content);
    if (!contentHash.equals(JsonValues.text(record, "content_hash"))) {
      ok = false;
      if (verified) {
        problems.add(at + ": the recorded modality_hashes give content hash " + contentHash + " but version_record states "
            + JsonValues.text(record, "content_hash"));
      }
    }
    return ok;
  }

  private static boolean chainLinks(String at, List<Value> chain, Value.Obj record, boolean verified, List<String> problems) {
    String parent = Sha256.GENESIS;
    String problem = null;
    for (int k = 0; k < chain.size() && problem == null; k++) {
      if (!(chain.get(k) instanceof Value.Obj v)) {
        problem = "version_records[" + k + "] is not an object";
      } else if (!Long.valueOf(k + 1L).equals(JsonValues.integer(v, "version"))) {
        problem = "version_records[" + k + "] is version " + ValueJson.toPlain(v.get("version")) + ", not " + (k + 1);
      } else if (!parent.equals(JsonValues.text(v, "parent_hash"))) {
        problem = "version " + (k + 1) + " links to " + JsonValues.text(v, "parent_hash") + ", not to " + parent;
      } else if (!versionHash(v).equals(JsonValues.text(v, "version_hash"))) {
        problem = "version " + (k + 1) + " hashes to " + versionHash(v) + " but states " + JsonValues.text(v, "version_hash");
      } else {
        parent = JsonValues.text(v, "version_hash");
      }
    }
    if (problem == null && !parent.equals(JsonValues.text(record, "version_hash"))) {
      problem = "version_records do not end at version_record";
    }
    if (problem != null && verified) {
      problems.add(at + ": " + problem);
    }
    return problem == null;
  }

  private static void modalities(String at, Value.Obj entryEvidence, Value.Obj octad, Value.Obj record, List<String> problems) {
    Value.Obj recomputed = JsonValues.object(octad, "modality_hashes");
    Value.Obj recorded = JsonValues.object(record, "modality_hashes");
    Value.Obj contract = entryEvidence == null ? null : JsonValues.object(entryEvidence, "contract");
    if (recomputed == null || recorded == null || contract == null) {
      problems.add(at + ": verified without modality_hashes, the recorded modality_hashes or the contract");
      return;
    }
    recomputed.members().forEach((name, hash) -> {
      if (!hash.equals(recorded.get(name))) {
        problems.add(at + ": verified, but " + name + " hashes to " + ValueJson.toPlain(hash) + " where the version record holds "
            + ValueJson.toPlain(recorded.get(name)));
      }
    });
    Set<String> expected = new HashSet<>();
    if (IntegrityContract.DEFAULT_NAME.equals(JsonValues.text(contract, "name"))) {
      expected.addAll(recorded.members().keySet());
    } else {
      List<Value> covered = JsonValues.array(contract, "modalities");
      (covered == null ? List.<Value>of() : covered).forEach(v -> expected.add(String.valueOf(ValueJson.toPlain(v))));
    }
    if (!expected.equals(recomputed.members().keySet())) {
      problems.add(at + ": verified, but it recomputes " + recomputed.members().keySet() + " where the contract covers " + expected);
    }
  }

  /** The hash of a version record object, recomputed from the members it covers. */
  private static String versionHash(Value.Obj record) {
    Map<String, Object> hashed = new LinkedHashMap<>();
    RECORD_MEMBERS.forEach(m -> hashed.put(m, ValueJson.toPlain(record.get(m))));
    return Sha256.ofCanonicalJson(hashed);
  }
}
