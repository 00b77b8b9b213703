package org.verisimdb.engine.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.verisimdb.engine.index.IndexMaintainer;
import org.verisimdb.engine.store.OctadHeader;
import org.verisimdb.engine.store.OctadStore;
import org.verisimdb.index.embed.Embedder;
import org.verisimdb.index.geo.GeoHit;
import org.verisimdb.index.geo.GeoSearch;
import org.verisimdb.index.graph.Direction;
import org.verisimdb.index.graph.GraphSearch;
import org.verisimdb.index.graph.NTriples;
import org.verisimdb.index.graph.Reached;
import org.verisimdb.index.lucene.IndexFields;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.provenance.ProvenanceSearch;
import org.verisimdb.index.semantic.SemanticSearch;
import org.verisimdb.index.semantic.TypeHierarchy;
import org.verisimdb.index.text.Snippet;
import org.verisimdb.index.text.Snippets;
import org.verisimdb.index.text.TextHit;
import org.verisimdb.index.text.TextQuery;
import org.verisimdb.index.text.TextSearch;
import org.verisimdb.index.vector.VectorHit;
import org.verisimdb.index.vector.VectorSearch;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/** {@link Search} over a database's index and stores. Thread-safe. */
public final class IndexSearch implements Search {
  private final IndexMaintainer indexes;
  private final OctadStore store;
  private final LongSupplier visibleLsn;
  private final int maxLimit;
  private final int historyLimit;
  private final java.util.function.Supplier<TypeHierarchy> types;
  private final java.util.function.Supplier<Embedder> embedder;
  private final int candidates;

  public IndexSearch(IndexMaintainer indexes, OctadStore store, LongSupplier visibleLsn, int maxLimit, int historyLimit,
      java.util.function.Supplier<TypeHierarchy> types, java.util.function.Supplier<Embedder> embedder, int candidates) {
    this.candidates = candidates;
    this.types = types;
    this.embedder = embedder;
    this.indexes = indexes;
    this.store = store;
    this.visibleLsn = visibleLsn;
    this.maxLimit = maxLimit;
    this.historyLimit = historyLimit;
  }

  /** Runs {@code work} on a view at least as new as the newest visible commit. */
  <T> T onView(Function<IndexView, T> work) {
    try (IndexView view = indexes.view(visibleLsn.getAsLong())) {
      return work.apply(view);
    } catch (UncheckedIOException e) {
      throw new VeriSimException(ErrorCode.INDEX_UNAVAILABLE, "reading the index failed: " + e.getCause().getMessage(), e);
    }
  }

  /** The octad {@code id} as of the view, or null when it is not live there. */
  Octad read(IndexView view, OctadId id) {
    OctadStore at = store.at(view.lsn());
    OctadHeader header = at.header(id);
    return header == null || !header.live() ? null : at.read(id, header, null, historyLimit);
  }

  void checkLimit(int limit, String what) {
    if (limit < 1 || limit > maxLimit) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "limit", what + " limit " + limit + " is outside 1.." + maxLimit
          + " (vql.max_limit)");
    }
  }

  @Override
  public Hits text(String query, int limit) {
    checkLimit(limit, "text search");
    TextQuery q = TextQuery.parse(query);
    return onView(view -> {
      List<Hit> hits = new ArrayList<>();
      for (TextHit h : new TextSearch(view).search(q, null, limit)) {
        Octad octad = read(view, h.id());
        if (octad != null) {
          List<String> snippets = octad.document().map(d -> Snippets.highlight(q, d, 3).stream().map(Snippet::text).toList()).orElse(List.of());
          hits.add(new Hit(octad, h.score(), snippets));
        }
      }
      return new Hits(view.lsn(), hits);
    });
  }

  @Override
  public Hits nearest(float[] anchor, int k) {
    checkLimit(k, "nearest-neighbour");
    return onView(view -> hits(view, VectorSearch.on(view).withCandidates(candidates).nearest(anchor, k, null, null, null).hits(),
        VectorHit::id, VectorHit::similarity));
  }

  @Override
  public Hits nearest(String text, int k) {
    if (text == null || text.isBlank()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "text", "give a text with words in it to search by meaning");
    }
    return nearest(embedder.get().embed(text), k);
  }

  @Override
  public Hits similarTo(OctadId id, int k) {
    checkLimit(k, "nearest-neighbour");
    return onView(view -> {
      Octad anchor = read(view, id);
      if (anchor == null) {
        throw new VeriSimException(ErrorCode.OCTAD_NOT_FOUND, "octad '" + id + "' does not exist; anchor the search at an existing octad");
      }
      float[] vector = anchor.vector().orElseThrow(() -> VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "id",
          "octad '" + id + "' has no vector to anchor the search; give it one, or search by text")).embedding();
      return hits(view, VectorSearch.on(view).withCandidates(candidates).nearest(vector, k, null, null, id).hits(), VectorHit::id,
          VectorHit::similarity);
    });
  }

  @Override
  public Hits similarWithin(float[] anchor, double threshold, int limit) {
    checkLimit(limit, "similarity search");
    return onView(view -> hits(view, VectorSearch.on(view).withCandidates(candidates).within(anchor, threshold, null, null, limit).hits(),
        VectorHit::id, VectorHit::similarity));
  }

  /**
   * The octads a search found, as of the view, with their scores, in the order found; an octad no
   * longer live at the view's LSN is left out.
   */
  private <T> Hits hits(IndexView view, List<T> found, Function<T, OctadId> id, ToDoubleFunction<T> score) {
    List<Hit> hits = new ArrayList<>(found.size());
    for (T f : found) {
      Octad octad = read(view, id.apply(f));
      if (octad != null) {
        hits.add(new Hit(octad, score.applyAsDouble(f), List.of()));
      }
    }
    return new Hits(view.lsn(), hits);
  }

  @Override
  public Hits withinRadius(double lat, double lon, double km, int limit) {
    checkLimit(limit, "radius search");
    return onView(view -> hits(view, new GeoSearch(view).radius(lat, lon, km, null, limit), GeoHit::id, GeoHit::distanceKm));
  }

  @Override
  public Hits nearestPlaces(double lat, double lon, int k) {
    checkLimit(k, "nearest search");
    return onView(view -> hits(view, new GeoSearch(view).nearest(lat, lon, k, null), GeoHit::id, GeoHit::distanceKm));
  }

  @Override
  public Hits withinBounds(double minLat, double minLon, double maxLat, double maxLon, int limit) {
    checkLimit(limit, "bounding-box search");
    return onView(view -> hits(view, new GeoSearch(view).bbox(minLat, minLon, maxLat, maxLon, null, limit), Function.identity(), found -> 1));
  }

  @Override
  public Hits withinPolygon(String wkt, int limit) {
    checkLimit(limit, "polygon search");
    return onView(view -> hits(view, new GeoSearch(view).polygon(wkt, null, limit), Function.identity(), found -> 1));
  }

  @Override
  public Hits traverse(OctadId start, Direction direction, Set<String> predicates, int minHops, int maxHops, int limit) {
    checkLimit(limit, "traversal");
    return onView(view -> hits(view, new GraphSearch(view).traverse(start, direction, predicates, minHops, maxHops, limit), Reached::id,
        Reached::hops));
  }

  @Override
  public List<OctadId> shortestPath(OctadId from, OctadId to, Direction direction, Set<String> predicates, int maxHops) {
    return onView(view -> new GraphSearch(view).shortestPath(from, to, direction, predicates, maxHops));
  }

  @Override
  public Hits tensorsOfShape(int[] shape, int limit) {
    checkLimit(limit, "tensor search");
    return byId(org.verisimdb.index.tensor.TensorSearch.shapeEquals(shape), limit);
  }

  @Override
  public Hits tensorsOfRank(org.verisimdb.index.tensor.TensorSearch.Comparison op, int rank, int limit) {
    checkLimit(limit, "tensor search");
    return byId(org.verisimdb.index.tensor.TensorSearch.rank(op, rank), limit);
  }

  @Override
  public Hits ofType(String type, int limit) {
    checkLimit(limit, "type search");
    return byId(SemanticSearch.ofType(type, types.get()), limit);
  }

  @Override
  public long exportRdf(java.io.Writer out) {
    return onView(view -> {
      OctadStore at = store.at(view.lsn());
      NTriples rdf = NTriples.of(view.settings());
      long triples = 0;
      for (var live = at.live(null); live.hasNext(); ) {
        var e = live.next();
        triples += rdf.write(at.read(e.getKey(), e.getValue(), null, 0), out);
      }
      return triples;
    });
  }

  /** Every octad matching {@code query}, in id order, up to {@code limit}, with score 1. */
  Hits byId(org.apache.lucene.search.Query query, int limit) {
    return onView(view -> {
      TopDocs top;
      try {
        top = view.searcher().search(query, limit, new Sort(new SortField(IndexFields.ID, SortField.Type.STRING)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return hits(view, List.of(top.scoreDocs), sd -> view.idOf(sd.doc), sd -> 1);
    });
  }


  @Override
  public Hits provenance(ProvenanceSearch query, int limit) {
    checkLimit(limit, "provenance search");
    return onView(view -> {
      List<Hit> hits = new ArrayList<>();
      try {
        // Candidates in id order; each checked record by record, so only chains with one record matching every part count.
        Sort byId = new Sort(new SortField(IndexFields.ID, SortField.Type.STRING));
        ScoreDoc after = null;
        while (hits.size() < limit) {
          TopDocs page = after == null ? view.searcher().search(query.candidates(), 256, byId)
              : view.searcher().searchAfter(after, query.candidates(), 256, byId);
          for (ScoreDoc sd : page.scoreDocs) {
            Octad octad = read(view, view.idOf(sd.doc));
            if (octad == null || octad.provenance().isEmpty()) {
              continue;
            }
            long matching = octad.provenance().get().records().stream().filter(query::matches).count();
            if (matching > 0 && hits.size() < limit) {
              hits.add(new Hit(octad, matching, List.of()));
            }
          }
          if (page.scoreDocs.length < 256) {
            break;
          }
          after = page.scoreDocs[page.scoreDocs.length - 1];
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Hits(view.lsn(), hits);
    });
  }

}
