package org.verisimdb.engine.query.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.verisimdb.engine.Transaction;
import org.verisimdb.engine.query.Column;
import org.verisimdb.engine.query.drift.DriftScores;
import org.verisimdb.engine.query.value.ValueJson;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.vql.ast.Value;

/**
 * {@code SHOW DRIFT [ABOVE x] [LIMIT n]} (VQL.md §5.14): the octads whose drift score exceeds
 * {@code x}, most drifted first (then by id), with their worst pair. Every live octad of the read
 * view (the statement's snapshot, or the transaction's) is scored by the session's
 * {@link DriftScores}; a bounded heap keeps the best {@code n} while scanning.
 *
 * <p>This node measures one pair, VECTOR–DOCUMENT, so an octad without both sides has drift score
 * 0 (nothing measurable has drifted) and is not read beyond its header; the worst pair of every
 * listed octad is {@code "VECTOR,DOCUMENT"}.
 */
final class ShowDrift {
  /** {@code drift.alert_threshold} (VQL.md §1.5): this node has no setting for it, so the language default holds. */
  static final double DEFAULT_THRESHOLD = 0.3;

  static final List<Column> COLUMNS = List.of(new Column("id", "string"), new Column("drift_score", "float"),
      new Column("worst_pair", "string"), new Column("worst_pair_score", "float"), new Column("measured_at", "timestamp"));

  /** An octad above the threshold: its drift score and that of its worst pair. */
  private record Scored(OctadId id, double score, double worstPair) {}

  /** Score descending, then id ascending: the order of the rows. */
  private static final Comparator<Scored> RANK = Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id);

  private ShowDrift() {}

  /** The rows, at most {@code limit}, of the octads scoring more than {@code above} in the view of {@code tx} (null: a new snapshot). */
  static List<Value.Obj> rows(QueryHost host, DriftScores drift, Transaction tx, double above, int limit) {
    List<Value.Obj> rows = new ArrayList<>();
    if (limit <= 0) {
      return rows;
    }
    try (QueryHost.Scope scope = host.open(tx, null)) {
      OctadStore store = scope.store();
      PriorityQueue<Scored> kept = new PriorityQueue<>(RANK.reversed()); // the least drifted kept octad on top
      for (Iterator<Map.Entry<OctadId, OctadHeader>> live = store.live(null); live.hasNext(); ) {
        Map.Entry<OctadId, OctadHeader> e = live.next();
        if (!e.getValue().modalities().contains(Modality.VECTOR) || !e.getValue().modalities().contains(Modality.DOCUMENT)) {
          continue;
        }
        Octad octad = store.read(e.getKey(), e.getValue(), null, 0);
        double score = drift.overall(octad);
        if (score <= above) {
          continue;
        }
        Scored s = new Scored(octad.id(), score, drift.pair(octad, Modality.VECTOR, Modality.DOCUMENT));
        if (kept.size() < limit) {
          kept.add(s);
        } else if (RANK.compare(s, kept.peek()) < 0) {
          kept.poll();
          kept.add(s);
        }
      }
      List<Scored> ranked = new ArrayList<>(kept);
      ranked.sort(RANK);
      Value.Time measuredAt = ValueJson.time(scope.snapshotTime());
      for (Scored s : ranked) {
        Map<String, Value> row = new LinkedHashMap<>();
        row.put("id", new Value.Str(s.id().value()));
        row.put("drift_score", new Value.Flt(s.score()));
        row.put("worst_pair", new Value.Str("VECTOR,DOCUMENT"));
        row.put("worst_pair_score", new Value.Flt(s.worstPair()));
        row.put("measured_at", measuredAt);
        rows.add(new Value.Obj(row));
      }
    }
    return rows;
  }
}
