package org.verisimdb.engine.query.exec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.verisimdb.index.geo.GeoHit;
import org.verisimdb.index.geo.GeoSearch;
import org.verisimdb.index.text.TextHit;
import org.verisimdb.index.text.TextQuery;
import org.verisimdb.index.text.TextSearch;
import org.verisimdb.index.vector.VectorHit;
import org.verisimdb.index.vector.VectorSearch;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.GraphEdge;

/**
 * Runs an access path: the candidate ids it gives, in id order except for ranked paths (which
 * give the index's best first). Ranked paths ask the index for more hits until enough pass the
 * rest of WHERE, and past any tie at the cut, so the exact ordering that follows sees every row
 * that could be on the page.
 */
final class AccessPaths {
  private final RowReader reader;
  private final IndexAccess index;
  private final GraphMatcher graph;
  private final Definitions defs;
  private final Params params;
  private final TextScores scores;
  private final int vectorCandidates;

  /** @param vectorCandidates HNSW candidates a vector search explores ({@code vector.candidates}) */
  AccessPaths(RowReader reader, IndexAccess index, GraphMatcher graph, Definitions defs, Params params, TextScores scores,
      int vectorCandidates) {
    this.vectorCandidates = vectorCandidates;
    this.reader = reader;
    this.index = index;
    this.graph = graph;
    this.defs = defs;
    this.params = params;
    this.scores = scores;
  }

  /** The candidates of {@code access}; {@code passes} tells a ranked path whether a hit survives the rest of WHERE. */
  Iterator<OctadId> open(Access access, Predicate<OctadId> passes) {
    return switch (access) {
      case Access.Lookup l -> List.of(l.id()).iterator();
      case Access.Scan s -> reader.ids();
      case Access.StoreScan st -> {
        org.verisimdb.vql.ast.Modality vm = org.verisimdb.vql.ast.Modality.valueOf(st.modality().name());
        Iterator<OctadId> all = reader.ids();
        yield Iterators.filter(all, id -> reader.row(id).has(vm));
      }
      case Access.Indexed i -> Candidates.indexed(index, i.query());
      case Access.Traverse t -> traverse(t);
      case Access.Ranked r -> ranked(r, passes).iterator();
    };
  }

  private Iterator<OctadId> traverse(Access.Traverse t) {
    Set<OctadId> level = Set.of(t.start());
    for (GraphEdge e : t.edges()) {
      Set<OctadId> next = new LinkedHashSet<>();
      for (OctadId id : level) {
        next.addAll(graph.reach(id, e, t.reversed()));
      }
      level = next;
    }
    TreeSet<String> sorted = new TreeSet<>();
    level.forEach(id -> sorted.add(id.value()));
    return sorted.stream().map(OctadId::of).iterator();
  }

  /** A hit of a ranked index: the id and its rank measure (higher is better). */
  private record Hit(OctadId id, double rank) {}

  // Every index here ranks ties by the smaller id, as the statement's order does, so the first
  // `needed` hits that pass the rest of WHERE are the page: no hit after them can come before.
  private List<OctadId> ranked(Access.Ranked r, Predicate<OctadId> passes) {
    int live = Math.max(1, index.view().octads());
    int ask = (int) Math.max(10, Math.min(Integer.MAX_VALUE, r.needed() + 1L));
    Set<OctadId> seen = new java.util.HashSet<>();
    List<OctadId> out = new ArrayList<>();
    int passing = 0;
    while (true) {
      List<Hit> hits = search(r, ask);
      for (Hit h : hits) {
        if (passing >= r.needed()) {
          break;
        }
        if (seen.add(h.id()) && passes.test(h.id())) {
          out.add(h.id());
          passing++;
        }
      }
      if (passing >= r.needed() || hits.size() < ask || ask >= live) {
        break;
      }
      ask = (int) Math.min(live, (long) ask * 4);
    }
    if (!index.exact()) {
      for (OctadId id : index.changed()) {
        if (seen.add(id)) {
          out.add(id);
        }
      }
    }
    return out;
  }

  private List<Hit> search(Access.Ranked r, int k) {
    return switch (r.by()) {
      case Cond.VectorNearest v -> vector(defs.anchor(v), k, null, r);
      case Cond.VectorSimilar v -> vector(defs.anchor(v), k, v.threshold() == null ? null : params.number(v.threshold()), r);
      case Cond.FullText f -> {
        List<TextHit> hits = new TextSearch(index.view()).search(TextQuery.allTerms(params.string(f.query())), r.filter(), k);
        if (f == defs.scoreBy) {
          scores.remember(hits);
        }
        yield hits.stream().map(h -> new Hit(h.id(), h.score())).toList();
      }
      case Cond.WithinRadius w -> {
        List<GeoHit> hits = new GeoSearch(index.view()).radius(params.number(w.lat()), params.number(w.lon()), params.number(w.km()),
            r.filter(), k);
        yield hits.stream().map(h -> new Hit(h.id(), -h.distanceKm())).toList();
      }
      case Cond.SpatialNearest n -> {
        List<GeoHit> hits = new GeoSearch(index.view()).nearest(params.number(n.lat()), params.number(n.lon()), k, r.filter());
        yield hits.stream().map(h -> new Hit(h.id(), -h.distanceKm())).toList();
      }
      default -> throw new IllegalStateException("not a ranking predicate: " + r.by().getClass().getSimpleName().toLowerCase(Locale.ROOT));
    };
  }

  private List<Hit> vector(Definitions.VectorAnchor anchor, int k, Double threshold, Access.Ranked r) {
    if (anchor == null || anchor.vector() == null) {
      return List.of();
    }
    VectorSearch search = VectorSearch.on(index.view()).withCandidates(Math.max(vectorCandidates, k));
    List<VectorHit> hits = threshold == null
        ? search.nearest(anchor.vector(), k, anchor.metric(), r.filter(), anchor.exclude()).hits()
        : search.within(anchor.vector(), threshold, anchor.metric(), r.filter(), anchor.exclude(), k).hits();
    return hits.stream().map(h -> new Hit(h.id(), h.similarity())).toList();
  }

  /** The modality a store scan reads, from its wire name. */
  static Modality storeModality(String name) {
    return Modality.valueOf(name.toUpperCase(Locale.ROOT));
  }
}
