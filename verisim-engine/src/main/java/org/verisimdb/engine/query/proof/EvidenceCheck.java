package org.verisimdb.engine.query.proof;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.vql.ast.Value;

/**
 * Step 3 of the offline check (VQL.md §7.8) for one obligation's evidence object: what can be
 * recomputed from the certificate and the rows alone. Problems are added to a shared list,
 * each prefixed with where it was found. Not thread-safe; one per check.
 */
final class EvidenceCheck {
  /** The members a provenance record's content hash covers (§7.6). */
  private static final List<String> RECORD_MEMBERS = List.of("actor", "description", "event_type", "parent_hash", "source", "timestamp");

  private final List<String> rows;
  private final List<byte[]> leaves;
  private final String root;
  private final String issuedAt;
  private final List<String> problems;

  EvidenceCheck(List<String> rows, List<byte[]> leaves, String root, String issuedAt, List<String> problems) {
    this.rows = rows;
    this.leaves = leaves;
    this.root = root;
    this.issuedAt = issuedAt;
    this.problems = problems;
  }

  /** Checks one obligation of a {@code type} entry with these {@code params} and entry-level {@code evidence}. */
  void check(String at, String type, Value.Obj params, Value.Obj evidence, Value.Obj octad, boolean verified) {
    inclusion(at, octad);
    switch (String.valueOf(type)) {
      case "INTEGRITY" -> IntegrityCheck.check(at, params, evidence, octad, verified, problems);
      case "PROVENANCE" -> provenance(at, params, octad, verified);
      case "FRESHNESS" -> freshness(at, params, octad, verified);
      case "CONSISTENCY" -> consistency(at, params, octad, verified);
      default -> { }
    }
  }

  private void inclusion(String at, Value.Obj octad) {
    Long index = JsonValues.integer(octad, "leaf_index");
    List<Value> path = JsonValues.array(octad, "inclusion_path");
    if (index == null && path == null) {
      return;
    }
    if (index == null || path == null || index < 0 || index >= rows.size()) {
      problems.add(at + ": leaf_index " + index + " with inclusion_path " + (path == null ? "missing" : "given")
          + " does not name one of the " + rows.size() + " rows");
      return;
    }
    List<String> hashes = new ArrayList<>(path.size());
    path.forEach(p -> hashes.add(p instanceof Value.Str(String s) ? s : null));
    int i = index.intValue();
    if (root == null || !Merkle.verify(leaves.get(i), i, rows.size(), hashes, root)) {
      problems.add(at + ": the inclusion path of row " + i + " does not lead to the Merkle root");
    }
    String id = JsonValues.text(octad, "id");
    Value row;
    try {
      row = JsonValues.parse(rows.get(i));
    } catch (IllegalArgumentException e) {
      problems.add(at + ": row " + i + " is " + e.getMessage());
      return;
    }
    if (row instanceof Value.Obj r && r.members().get("id") instanceof Value.Str(String rowId) && !rowId.equals(id)) {
      problems.add(at + ": leaf_index " + i + " is the row of octad " + rowId);
    }
  }

  private void provenance(String at, Value.Obj params, Value.Obj octad, boolean verified) {
    List<Value> records = JsonValues.array(octad, "records");
    if (records == null) {
      if (verified) {
        problems.add(at + ": verified without provenance records");
      }
      return;
    }
    if (!Sha256.GENESIS.equals(JsonValues.text(octad, "genesis"))) {
      problems.add(at + ": genesis is " + JsonValues.text(octad, "genesis") + ", not SHA-256 of the empty string");
    }
    String parent = Sha256.GENESIS;
    boolean intact = true;
    for (int k = 0; k < records.size(); k++) {
      if (!(records.get(k) instanceof Value.Obj r)) {
        problems.add(at + ": records[" + k + "] is not an object");
        intact = false;
        continue;
      }
      Map<String, Object> hashed = new LinkedHashMap<>();
      RECORD_MEMBERS.forEach(m -> hashed.put(m, org.verisimdb.engine.query.value.ValueJson.toPlain(r.get(m))));
      String recomputed = Sha256.ofCanonicalJson(hashed);
      String stored = JsonValues.text(r, "content_hash");
      if (!parent.equals(JsonValues.text(r, "parent_hash"))) {
        intact = false;
        if (verified) {
          problems.add(at + ": records[" + k + "] links to " + JsonValues.text(r, "parent_hash") + ", not to " + parent);
        }
      }
      if (!recomputed.equals(stored)) {
        intact = false;
        if (verified) {
          problems.add(at + ": records[" + k + "] hashes to " + recomputed + " but states " + stored);
        }
      }
      parent = stored == null ? "" : stored;
    }
    if (!verified) {
      return;
    }
    Long min = JsonValues.integer(params, "min_length");
    if (records.size() < (min == null ? 1 : min)) {
      problems.add(at + ": verified with " + records.size() + " records; min_length is " + (min == null ? 1 : min));
    }
    for (String member : List.of("actor", "source")) {
      String wanted = JsonValues.text(params, member);
      if (wanted != null && intact && records.stream().noneMatch(r -> r instanceof Value.Obj o && wanted.equals(JsonValues.text(o, member)))) {
        problems.add(at + ": verified, but no record has " + member + " '" + wanted + "'");
      }
    }
  }

  private void freshness(String at, Value.Obj params, Value.Obj octad, boolean verified) {
    Long ageMs = JsonValues.integer(octad, "age_ms");
    Duration maxAge;
    Duration age;
    try {
      maxAge = Duration.parse(String.valueOf(JsonValues.text(octad, "max_age")));
      age = Duration.between(Instant.parse(String.valueOf(JsonValues.time(octad, "modified_at"))), Instant.parse(String.valueOf(issuedAt)));
    } catch (DateTimeParseException e) {
      problems.add(at + ": modified_at, issued_at or max_age cannot be read: " + e.getMessage());
      return;
    }
    if (ageMs == null || ageMs != age.toMillis()) {
      problems.add(at + ": age_ms is " + ageMs + " but issued_at − modified_at is " + age.toMillis() + " ms");
    }
    String given = JsonValues.text(params, "max_age");
    if (given != null && !sameDuration(given, maxAge)) {
      problems.add(at + ": evidence max_age " + maxAge + " is not the max_age parameter '" + given + "'");
    }
    if (verified && age.compareTo(maxAge) > 0) {
      problems.add(at + ": verified, but its age " + age + " exceeds max_age " + maxAge);
    }
  }

  private void consistency(String at, Value.Obj params, Value.Obj octad, boolean verified) {
    Double score = JsonValues.number(octad, "score");
    Double maxDrift = JsonValues.number(octad, "max_drift");
    Double given = JsonValues.number(params, "max_drift");
    if (given != null && !given.equals(maxDrift)) {
      problems.add(at + ": evidence max_drift " + maxDrift + " is not the max_drift parameter " + given);
    }
    if (verified && (score == null || maxDrift == null || score < 0 || score > maxDrift)) {
      problems.add(at + ": verified, but score " + score + " is not within [0, max_drift " + maxDrift + "]");
    }
  }

  private static boolean sameDuration(String text, Duration d) {
    try {
      return Duration.parse(text).equals(d);
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
