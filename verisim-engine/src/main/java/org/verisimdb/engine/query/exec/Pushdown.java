package org.verisimdb.engine.query.exec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.verisimdb.index.geo.GeoBox;
import org.verisimdb.index.geo.GeoSearch;
import org.verisimdb.index.graph.GraphSearch;
import org.verisimdb.index.lucene.IndexFields;
import org.verisimdb.index.provenance.ProvenanceFields;
import org.verisimdb.index.semantic.SemanticSearch;
import org.verisimdb.index.tensor.TensorSearch;
import org.verisimdb.index.temporal.TemporalFields;
import org.verisimdb.index.text.TextQuery;
import org.verisimdb.index.text.TextSearch;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.vql.ast.CmpOp;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.GraphEdge;
import org.verisimdb.vql.ast.Name;
import org.verisimdb.vql.ast.Value;

/**
 * Top-level conjuncts that the index can answer, as Lucene queries matching at least every octad
 * for which the conjunct is TRUE (never fewer: each candidate is still evaluated exactly). A
 * conjunct the index cannot narrow gives null.
 */
final class Pushdown {
  private final Params params;
  private final String candidate;

  Pushdown(Params params, String candidate) {
    this.params = params;
    this.candidate = candidate;
  }

  Query of(Cond c) {
    return switch (c) {
      case Cond.FullText f -> TextSearch.query(TextQuery.allTerms(params.string(f.query())));
      case Cond.WithinRadius r -> GeoSearch.within(params.number(r.lat()), params.number(r.lon()), params.number(r.km()));
      case Cond.WithinBounds b -> GeoSearch.candidates(new GeoBox(params.number(b.minLat()), params.number(b.minLon()),
          params.number(b.maxLat()), params.number(b.maxLon())));
      case Cond.Exists e when !e.negated() -> modality(Modality.valueOf(e.modality().name()));
      case Cond.TemporalBetween t -> TemporalFields.committedBetween(params.time(t.from()).instant(), params.time(t.to()).instant());
      case Cond.ModifiedBy m -> TemporalFields.modifiedBy(params.string(m.principal()));
      case Cond.Pattern p -> pattern(p);
      case Cond.VectorSimilar v -> modality(Modality.VECTOR);
      case Cond.VectorNearest v -> modality(Modality.VECTOR);
      case Cond.WithinPolygon p -> modality(Modality.SPATIAL);
      case Cond.SpatialNearest n -> modality(Modality.SPATIAL);
      case Cond.Compare cmp -> compare(cmp);
      case Cond.Match m when !m.negated() && m.op() == Cond.MatchOp.CONTAINS && isField(m.left(), "SEMANTIC", "types")
          && m.right() instanceof Expr.Term t && params.value(t) instanceof Value.Str s -> SemanticSearch.declaresType(s.value());
      case Cond.TextMatches m -> modality(Modality.DOCUMENT);
      default -> null;
    };
  }

  private Query compare(Cond.Compare cmp) {
    if (!(cmp.right() instanceof Expr.Term t)) {
      return null;
    }
    Value v = params.value(t);
    if (isField(cmp.left(), "TENSOR", "rank") && v instanceof Value.Int n && n.value() == (int) n.value()) {
      return TensorSearch.rank(TensorSearch.Comparison.valueOf(cmp.op().name()), (int) n.value());
    }
    if (cmp.op() != CmpOp.EQ) {
      return null;
    }
    if (isField(cmp.left(), "TENSOR", "shape") && v instanceof Value.Arr a) {
      int[] shape = new int[a.elements().size()];
      for (int i = 0; i < shape.length; i++) {
        if (!(a.elements().get(i) instanceof Value.Int d) || d.value() != (int) d.value()) {
          return null;
        }
        shape[i] = (int) d.value();
      }
      return TensorSearch.shapeEquals(shape);
    }
    // Multi-valued over the chain's records: TRUE iff some record has the value, which the index lists.
    if (isField(cmp.left(), "PROVENANCE", "actor") && v instanceof Value.Str s) {
      return ProvenanceFields.candidates(s.value(), null, null, null);
    }
    if ((isField(cmp.left(), "PROVENANCE", "event_type") || isField(cmp.left(), "PROVENANCE", "action")) && v instanceof Value.Str s) {
      return ProvenanceFields.candidates(null, s.value(), null, null);
    }
    if (isField(cmp.left(), "GRAPH", "edge_to") && v instanceof Value.Str s) {
      try {
        return GraphSearch.edgeTo(OctadId.of(s.value()), Set.of());
      } catch (org.verisimdb.model.error.VeriSimException notAnId) {
        return null;
      }
    }
    if (isField(cmp.left(), "SEMANTIC", "types") && v instanceof Value.Str s) {
      return SemanticSearch.declaresType(s.value());
    }
    if (cmp.left() instanceof Expr.Field f && f.modality() == org.verisimdb.vql.ast.Modality.DOCUMENT
        && (v instanceof Value.Str || v instanceof Value.Int || v instanceof Value.Flt || v instanceof Value.Bool)) {
      return TextSearch.query(new TextQuery.FieldEquals(f.name(), toModel(v)));
    }
    return null;
  }

  // A pattern starting at the candidate with an outgoing edge of at least one hop: the candidate has such an edge.
  private Query pattern(Cond.Pattern p) {
    if (!p.nodes().getFirst().variable().equals(candidate)) {
      return null;
    }
    GraphEdge e = p.edges().getFirst();
    if (e.direction() != GraphEdge.Direction.OUT || e.min() < 1) {
      return null;
    }
    Set<String> types = new HashSet<>();
    for (Name n : e.types()) {
      types.add(n.text());
    }
    return types.isEmpty() ? modality(Modality.GRAPH) : GraphSearch.withPredicate(types);
  }

  private static boolean isField(Expr e, String modality, String name) {
    return e instanceof Expr.Field f && f.modality().name().equals(modality) && f.path().equals(List.of(name));
  }

  private static Query modality(Modality m) {
    return new TermQuery(new Term(IndexFields.MODALITIES, m.wireName()));
  }

  private static org.verisimdb.model.value.Value toModel(Value v) {
    return switch (v) {
      case Value.Str s -> new org.verisimdb.model.value.Value.Str(s.value());
      case Value.Int i -> new org.verisimdb.model.value.Value.Int(i.value());
      case Value.Flt f -> new org.verisimdb.model.value.Value.Real(f.value());
      case Value.Bool b -> b.value() ? org.verisimdb.model.value.Value.Bool.TRUE : org.verisimdb.model.value.Value.Bool.FALSE;
      default -> throw new IllegalArgumentException("no index form for " + v);
    };
  }
}
