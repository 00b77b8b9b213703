package org.verisimdb.engine.query.exec;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.verisimdb.engine.query.drift.Consistency;
import org.verisimdb.engine.query.drift.DriftScores;
import org.verisimdb.engine.query.row.OctadRow;
import org.verisimdb.engine.query.value.Truth;
import org.verisimdb.engine.query.value.Values;
import org.verisimdb.index.geo.GeoBox;
import org.verisimdb.index.geo.GeoPolygon;
import org.verisimdb.index.text.TextQuery;
import org.verisimdb.index.text.TextRegex;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.vql.ast.CmpOp;
import org.verisimdb.vql.ast.Cond;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Value;

/**
 * Evaluates WHERE conditions per candidate with the three-valued logic of VQL.md §4.6 and the
 * predicate rules of §6, exactly and from the data of the read view alone, so that any plan's
 * candidates, filtered here, give the same rows. NEAREST predicates are not evaluated here (they
 * hold for the candidates the executor keeps, §5.1 step 4). One per statement; not thread-safe.
 */
final class Evaluator {
  /** A candidate and the graph variables bound so far. */
  record Env(OctadRow candidate, Map<String, OctadId> vars) {}

  private final RowReader reader;
  private final GraphMatcher graph;
  private final Params params;
  private final Definitions defs;
  private final Quantifiers quantifiers;
  private final DriftScores drift;
  private final Consistency consistency;
  private final TextScores scores;
  private final org.verisimdb.index.semantic.ContractRegistry contracts;
  private final Map<Object, Object> compiled = new java.util.IdentityHashMap<>();

  Evaluator(RowReader reader, GraphMatcher graph, Params params, Definitions defs, Quantifiers quantifiers, DriftScores drift,
      Consistency consistency, TextScores scores, org.verisimdb.index.semantic.ContractRegistry contracts) {
    this.reader = reader;
    this.graph = graph;
    this.params = params;
    this.defs = defs;
    this.quantifiers = quantifiers;
    this.drift = drift;
    this.consistency = consistency;
    this.scores = scores;
    this.contracts = contracts;
  }

  Env env(OctadRow candidate) {
    return new Env(candidate, Map.of(quantifiers.candidate, candidate.id()));
  }

  Truth test(Cond c, Env env) {
    List<String> vars = quantifiers.at(c);
    return vars.isEmpty() ? body(c, env) : exists(c, env, vars);
  }

  // ∃ vars: TRUE if some binding makes c TRUE, FALSE if all make it FALSE, else UNKNOWN.
  private Truth exists(Cond c, Env env, List<String> vars) {
    Truth result = Truth.FALSE;
    for (Map<String, OctadId> binding : bindings(c, env.vars(), vars)) {
      Truth t = body(c, new Env(env.candidate(), binding));
      if (t == Truth.TRUE) {
        return Truth.TRUE;
      }
      result = result.or(t);
    }
    return result;
  }

  // Bindings that can make c TRUE: from its positive patterns, the rest over every octad of the view.
  private List<Map<String, OctadId>> bindings(Cond c, Map<String, OctadId> bound, List<String> vars) {
    List<Cond.Pattern> positive = switch (c) {
      case Cond.Pattern p -> List.of(p);
      case Cond.And a -> a.operands().stream().filter(Cond.Pattern.class::isInstance).map(Cond.Pattern.class::cast).toList();
      default -> List.of();
    };
    List<Map<String, OctadId>> partial = List.of(c instanceof Cond.And a ? pinned(a, bound, vars) : bound);
    for (Cond.Pattern p : positive) {
      List<Map<String, OctadId>> next = new java.util.ArrayList<>();
      for (Map<String, OctadId> b : partial) {
        next.addAll(graph.bindings(p, b));
      }
      partial = next;
    }
    for (String v : vars) {
      List<Map<String, OctadId>> next = new java.util.ArrayList<>();
      for (Map<String, OctadId> b : partial) {
        if (b.containsKey(v)) {
          next.add(b);
          continue;
        }
        for (java.util.Iterator<OctadId> it = reader.ids(); it.hasNext(); ) {
          Map<String, OctadId> more = new HashMap<>(b);
          more.put(v, it.next());
          next.add(more);
        }
      }
      partial = next;
    }
    Set<Map<String, OctadId>> distinct = new java.util.LinkedHashSet<>();
    for (Map<String, OctadId> b : partial) {
      Map<String, OctadId> kept = new HashMap<>(bound);
      for (String v : vars) {
        kept.put(v, b.get(v));
      }
      distinct.add(kept);
    }
    return List.copyOf(distinct);
  }

  /**
   * {@code bound} plus the variables of {@code vars} that a conjunct of {@code a} pins to one
   * octad ({@code x.id = 'paper-7'}): a binding of x to any other octad makes that conjunct, and so
   * the AND, FALSE, so only the pinned octad can make it TRUE or UNKNOWN.
   */
  private Map<String, OctadId> pinned(Cond.And a, Map<String, OctadId> bound, List<String> vars) {
    Map<String, OctadId> out = null;
    for (Map.Entry<String, OctadId> pin : Pins.of(a.operands(), params).entrySet()) {
      if (vars.contains(pin.getKey()) && !bound.containsKey(pin.getKey())) {
        if (out == null) {
          out = new HashMap<>(bound);
        }
        out.put(pin.getKey(), pin.getValue());
      }
    }
    return out == null ? bound : out;
  }

  private Truth body(Cond c, Env env) {
    OctadRow row = env.candidate();
    Octad octad = row.octad();
    return switch (c) {
      case Cond.And a -> {
        Truth t = Truth.TRUE;
        for (Cond o : a.operands()) {
          t = t.and(test(o, env));
          if (t == Truth.FALSE) {
            break;
          }
        }
        yield t;
      }
      case Cond.Or o -> {
        Truth t = Truth.FALSE;
        for (Cond x : o.operands()) {
          t = t.or(test(x, env));
          if (t == Truth.TRUE) {
            break;
          }
        }
        yield t;
      }
      case Cond.Not n -> test(n.operand(), env).not();
      case Cond.Compare cmp -> Values.compare(value(cmp.left(), env), cmp.op(), value(cmp.right(), env));
      case Cond.Match m -> negate(match(m, env), m.negated());
      case Cond.Between b -> {
        Value v = value(b.operand(), env);
        Truth t = Values.compare(v, CmpOp.GE, value(b.low(), env)).and(Values.compare(v, CmpOp.LE, value(b.high(), env)));
        yield negate(t, b.negated());
      }
      case Cond.In in -> {
        Value v = value(in.operand(), env);
        Truth t = Truth.FALSE;
        for (Expr e : in.values()) {
          t = t.or(Values.compare(v, CmpOp.EQ, value(e, env)));
        }
        yield negate(t, in.negated());
      }
      case Cond.IsNull n -> Truth.of((value(n.operand(), env) instanceof Value.Null) != n.negated());
      case Cond.FullText f -> octad == null || octad.document().isEmpty() ? Truth.UNKNOWN : Truth.of(containsAll(octad.document().get(), f));
      case Cond.TextMatches m -> octad == null || octad.document().isEmpty() ? Truth.UNKNOWN
          : Truth.of(regex(m).matches(octad.document().get()));
      case Cond.Pattern p -> Truth.of(!graph.bindings(p, env.vars()).isEmpty());
      case Cond.VectorSimilar v -> {
        if (octad == null || octad.vector().isEmpty()) {
          yield Truth.UNKNOWN;
        }
        Definitions.VectorAnchor anchor = defs.anchor(v);
        if (row.id().equals(anchor.exclude())) {
          yield Truth.FALSE;
        }
        Double s = anchor.similarity(row);
        yield s == null ? Truth.UNKNOWN : v.threshold() == null ? Truth.TRUE : Truth.of(s >= params.number(v.threshold()));
      }
      case Cond.VectorNearest v -> Truth.TRUE;
      case Cond.SpatialNearest n -> Truth.TRUE;
      case Cond.AsOfCond a -> Truth.TRUE;
      case Cond.Satisfies s -> satisfies(s, octad);
      case Cond.HasProof h -> Truth.FALSE; // no stored proof verifies without the issuers' keys, which this node does not hold
      case Cond.VerifiedBy v -> Truth.FALSE; // likewise for proofs and seals by an issuer
      case Cond.TemporalBetween t -> Truth.of(octad != null && committedBetween(octad, params.time(t.from()), params.time(t.to())));
      case Cond.ModifiedBy m -> Truth.of(octad != null && octad.temporal().modifiedBy().contains(params.string(m.principal())));
      case Cond.WithinRadius r -> {
        Double km = new Definitions.Centre(params.number(r.lat()), params.number(r.lon())).distanceKm(row);
        yield km == null ? Truth.UNKNOWN : Truth.of(km <= params.number(r.km()));
      }
      case Cond.WithinBounds b -> {
        SpatialFacet s = spatial(octad);
        yield s == null ? Truth.UNKNOWN : Truth.of(new GeoBox(params.number(b.minLat()), params.number(b.minLon()),
            params.number(b.maxLat()), params.number(b.maxLon())).contains(s.lat(), s.lon()));
      }
      case Cond.WithinPolygon p -> {
        SpatialFacet s = spatial(octad);
        yield s == null ? Truth.UNKNOWN : Truth.of(polygon(p).contains(s.lat(), s.lon()));
      }
      case Cond.Consistent k -> {
        double score = octad == null ? 0.0 : consistency.score(octad, modality(k.first()), modality(k.second()), k.metric().text());
        yield k.op() == null ? Truth.of(score >= 0.8) : Values.compare(new Value.Flt(score), k.op(), value(k.threshold(), env));
      }
      case Cond.Exists e -> Truth.of(row.has(e.modality()) != e.negated());
    };
  }

  /** The value of an expression for the candidate (VQL.md §4.3–4.5). */
  Value value(Expr e, Env env) {
    OctadRow row = env.candidate();
    return switch (e) {
      case Expr.Field f -> row.field(f.modality(), f.path());
      case Expr.VarRef r -> {
        OctadId id = env.vars().get(r.variable());
        if (id == null) {
          throw new IllegalStateException("unbound graph variable " + r.variable());
        }
        if (r.path().size() == 1 && r.path().getFirst().equalsIgnoreCase("id")) {
          yield new Value.Str(id.value());
        }
        yield reader.row(id).field(org.verisimdb.vql.ast.Modality.DOCUMENT, r.path());
      }
      case Expr.Pseudo p -> switch (p.column()) {
        case ID -> new Value.Str(row.id().value());
        case DRIFT_SCORE -> row.octad() == null ? Value.NULL : new Value.Flt(drift.overall(row.octad()));
        case SIMILARITY -> {
          Definitions.VectorAnchor a = defs.similarityAnchor();
          Double s = a == null ? null : a.similarity(row);
          yield s == null ? Value.NULL : new Value.Flt(s);
        }
        case DISTANCE_KM -> {
          Double km = defs.centre == null ? null : defs.centre.distanceKm(row);
          yield km == null ? Value.NULL : new Value.Flt(km);
        }
        case SCORE -> {
          Double s = defs.scoreBy == null ? null : scores.score(row, defs.scoreBy);
          yield s == null ? Value.NULL : new Value.Flt(s);
        }
      };
      case Expr.Drift d -> new Value.Flt(row.octad() == null ? 1.0 : drift.pair(row.octad(), modality(d.first()), modality(d.second())));
      case Expr.Term t -> params.value(t);
      case Expr.AliasRef a -> throw new IllegalStateException("alias " + a.name() + " outside ORDER BY or HAVING");
      case Expr.Aggregate a -> throw new IllegalStateException("aggregate outside an aggregate query");
    };
  }

  private Truth match(Cond.Match m, Env env) {
    Value left = value(m.left(), env);
    Value right = value(m.right(), env);
    return switch (m.op()) {
      case LIKE -> Values.like(left, right);
      case CONTAINS -> Values.contains(left, right);
      case MATCHES -> right instanceof Value.Str s ? Values.matches(left, pattern(s.value(), m)) : Truth.UNKNOWN;
    };
  }

  private Pattern pattern(String text, Cond.Match m) {
    @SuppressWarnings("unchecked")
    Map<String, Pattern> cache = (Map<String, Pattern>) compiled.computeIfAbsent(m, k -> new HashMap<String, Pattern>());
    return cache.computeIfAbsent(text, t -> Values.regex(t, m.right().span()));
  }

  private TextRegex regex(Cond.TextMatches m) {
    return (TextRegex) compiled.computeIfAbsent(m, k -> TextRegex.compile(params.string(m.pattern()), m.flags()));
  }

  private GeoPolygon polygon(Cond.WithinPolygon p) {
    return (GeoPolygon) compiled.computeIfAbsent(p, k -> GeoPolygon.parse(params.string(p.wkt())));
  }

  @SuppressWarnings("unchecked")
  private boolean containsAll(DocumentFacet doc, Cond.FullText f) {
    Set<String> wanted = (Set<String>) compiled.computeIfAbsent(f, k -> new HashSet<>(TextQuery.terms(params.string(f.query()))));
    Set<String> have = new HashSet<>();
    for (org.verisimdb.model.value.Value v : doc.fields().values()) {
      if (v instanceof org.verisimdb.model.value.Value.Str(String s)) {
        have.addAll(TextQuery.terms(s));
      }
    }
    return have.containsAll(wanted);
  }

  private Truth satisfies(Cond.Satisfies s, Octad octad) {
    org.verisimdb.index.semantic.Contract contract = contracts.find(s.contract().text()).orElseThrow(() ->
        new org.verisimdb.engine.query.VqlException(org.verisimdb.vql.diag.DiagnosticCode.NAME_005,
            "unknown contract '" + s.contract().text() + "': register it with schema().registerContract"));
    for (org.verisimdb.vql.ast.Clauses.Assign a : s.params()) {
      org.verisimdb.model.value.Value registered = contract.parameters().get(a.key().text());
      Value given = params.value(a.value());
      if (registered == null || !Values.equal(org.verisimdb.engine.query.value.ValueJson.fromModel(registered), given)) {
        throw new org.verisimdb.engine.query.VqlException(org.verisimdb.vql.diag.DiagnosticCode.TYPE_001, "contract '" + contract.name()
            + "' is registered with " + a.key().text() + " = " + registered + " and evaluates with that value only; found " + given);
      }
    }
    if (octad == null) {
      return Truth.UNKNOWN;
    }
    Boolean b = contract.evaluate(octad);
    return b == null ? Truth.UNKNOWN : Truth.of(b);
  }

  private boolean committedBetween(Octad octad, Value.Time from, Value.Time to) {
    java.time.Instant a = from.instant();
    java.time.Instant b = to.instant();
    for (org.verisimdb.model.facet.VersionRecord v : reader.versions(octad)) {
      if (!v.committedAt().isBefore(a) && !v.committedAt().isAfter(b)) {
        return true;
      }
    }
    return false;
  }

  private static SpatialFacet spatial(Octad octad) {
    return octad == null ? null : (SpatialFacet) octad.facet(Modality.SPATIAL).orElse(null);
  }

  static Modality modality(org.verisimdb.vql.ast.Modality m) {
    return Modality.valueOf(m.name());
  }

  private static Truth negate(Truth t, boolean negated) {
    return negated ? t.not() : t;
  }
}
