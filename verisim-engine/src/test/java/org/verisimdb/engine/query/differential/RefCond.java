package org.verisimdb.engine.query.differential;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.verisimdb.engine.query.differential.Model.Octad;

/**
 * A WHERE condition of the differential test: its VQL text, and its value for an octad computed
 * naively from the plain data by the rules of VQL.md §4.6 and §6, independently of the engine.
 */
sealed interface RefCond {

  String vql();

  T3 eval(Octad o, Model m);

  /** The first RADIUS in text order, which defines distance_km and the default order (§4.4, §5.7), or null. */
  default Radius firstRadius() {
    return switch (this) {
      case Radius r -> r;
      case And a -> first(a.operands());
      case Or o -> first(o.operands());
      case Not n -> n.operand().firstRadius();
      default -> null;
    };
  }

  /** The first vector predicate in text order, which defines similarity and ranks the rows (§6.4, §5.7), or null. */
  default VectorSimilar firstVector() {
    return switch (this) {
      case VectorSimilar v -> v;
      case And a -> a.operands().stream().map(RefCond::firstVector).filter(Objects::nonNull).findFirst().orElse(null);
      case Or o -> o.operands().stream().map(RefCond::firstVector).filter(Objects::nonNull).findFirst().orElse(null);
      case Not n -> n.operand().firstVector();
      default -> null;
    };
  }

  /** True if the condition holds a FULLTEXT CONTAINS anywhere (it would rank the rows by score). */
  default boolean hasFullText() {
    return switch (this) {
      case FullText f -> true;
      case And a -> a.operands().stream().anyMatch(RefCond::hasFullText);
      case Or o -> o.operands().stream().anyMatch(RefCond::hasFullText);
      case Not n -> n.operand().hasFullText();
      default -> false;
    };
  }

  private static Radius first(List<RefCond> operands) {
    for (RefCond c : operands) {
      Radius r = c.firstRadius();
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  record And(List<RefCond> operands) implements RefCond {
    public String vql() {
      return "(" + operands.stream().map(RefCond::vql).collect(Collectors.joining(" AND ")) + ")";
    }

    public T3 eval(Octad o, Model m) {
      T3 t = T3.TRUE;
      for (RefCond c : operands) {
        t = t.and(c.eval(o, m));
      }
      return t;
    }
  }

  record Or(List<RefCond> operands) implements RefCond {
    public String vql() {
      return "(" + operands.stream().map(RefCond::vql).collect(Collectors.joining(" OR ")) + ")";
    }

    public T3 eval(Octad o, Model m) {
      T3 t = T3.FALSE;
      for (RefCond c : operands) {
        t = t.or(c.eval(o, m));
      }
      return t;
    }
  }

  record Not(RefCond operand) implements RefCond {
    public String vql() {
      return "NOT " + operand.vql();
    }

    public T3 eval(Octad o, Model m) {
      return operand.eval(o, m).not();
    }
  }

  /** {@code DOCUMENT.field op literal}, or {@code var.field op literal} inside a graph unit (§6.1). */
  record Compare(String field, String op, Object literal) implements RefCond {
    public String vql() {
      return "DOCUMENT." + field + " " + op + " " + Literals.vql(literal);
    }

    public T3 eval(Octad o, Model m) {
      return Literals.compare(o.field(field), op, literal);
    }
  }

  record In(String field, List<Object> values, boolean negated) implements RefCond {
    public String vql() {
      return "DOCUMENT." + field + (negated ? " NOT IN (" : " IN (") + values.stream().map(Literals::vql).collect(Collectors.joining(", ")) + ")";
    }

    public T3 eval(Octad o, Model m) {
      T3 t = T3.FALSE;
      for (Object v : values) {
        t = t.or(Literals.compare(o.field(field), "=", v));
      }
      return negated ? t.not() : t;
    }
  }

  record IsNull(String field, boolean negated) implements RefCond {
    public String vql() {
      return "DOCUMENT." + field + (negated ? " IS NOT NULL" : " IS NULL");
    }

    public T3 eval(Octad o, Model m) {
      return T3.of((o.field(field) == null) != negated);
    }
  }

  /** {@code LIKE}: whole-string match, % any sequence, _ one character, case-sensitive; a value that is not a string is UNKNOWN. */
  record Like(String field, String pattern, boolean negated) implements RefCond {
    public String vql() {
      return "DOCUMENT." + field + (negated ? " NOT LIKE " : " LIKE ") + Literals.vql(pattern);
    }

    public T3 eval(Octad o, Model m) {
      if (!(o.field(field) instanceof String s)) {
        return T3.UNKNOWN;
      }
      StringBuilder regex = new StringBuilder();
      for (char ch : pattern.toCharArray()) {
        regex.append(ch == '%' ? ".*" : ch == '_' ? "." : Pattern.quote(String.valueOf(ch)));
      }
      T3 t = T3.of(Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(s).matches());
      return negated ? t.not() : t;
    }
  }

  record Between(String field, long low, long high, boolean negated) implements RefCond {
    public String vql() {
      return "DOCUMENT." + field + (negated ? " NOT BETWEEN " : " BETWEEN ") + low + " AND " + high;
    }

    public T3 eval(Octad o, Model m) {
      T3 t = Literals.compare(o.field(field), ">=", low).and(Literals.compare(o.field(field), "<=", high));
      return negated ? t.not() : t;
    }
  }

  /** Every term of the words occurs among the terms of the title, body and string fields; no document is UNKNOWN. */
  record FullText(String words) implements RefCond {
    public String vql() {
      return "FULLTEXT CONTAINS " + Literals.vql(words);
    }

    public T3 eval(Octad o, Model m) {
      if (o.doc() == null) {
        return T3.UNKNOWN;
      }
      Set<String> have = new HashSet<>();
      for (Object v : o.doc().values()) {
        if (v instanceof String s) {
          have.addAll(terms(s));
        }
      }
      return T3.of(have.containsAll(terms(words)));
    }

    static List<String> terms(String text) {
      List<String> out = new ArrayList<>();
      for (String t : text.split("[^\\p{L}\\p{N}]+")) {
        if (!t.isEmpty()) {
          out.add(t.toLowerCase(Locale.ROOT));
        }
      }
      return out;
    }
  }

  record Radius(double lat, double lon, double km) implements RefCond {
    public String vql() {
      return "SPATIAL WITHIN RADIUS(" + lat + ", " + lon + ", " + km + ")";
    }

    public T3 eval(Octad o, Model m) {
      Double d = distance(o);
      return d == null ? T3.UNKNOWN : T3.of(d <= km);
    }

    /** Haversine distance on a sphere of radius 6371.0 km (§6.9), or null without a location. */
    Double distance(Octad o) {
      if (o.point() == null) {
        return null;
      }
      double p1 = Math.toRadians(lat);
      double p2 = Math.toRadians(o.point()[0]);
      double dp = p2 - p1;
      double dl = Math.toRadians(o.point()[1] - lon);
      double h = Math.pow(Math.sin(dp / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dl / 2), 2);
      return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
  }

  /** minLat ≤ lat ≤ maxLat, and minLon ≤ lon ≤ maxLon, or across the antimeridian lon ≥ minLon or lon ≤ maxLon. */
  record Bounds(double minLat, double minLon, double maxLat, double maxLon) implements RefCond {
    public String vql() {
      return "SPATIAL WITHIN BOUNDS(" + minLat + ", " + minLon + ", " + maxLat + ", " + maxLon + ")";
    }

    public T3 eval(Octad o, Model m) {
      if (o.point() == null) {
        return T3.UNKNOWN;
      }
      double lat = o.point()[0];
      double lon = o.point()[1];
      boolean inLon = minLon <= maxLon ? minLon <= lon && lon <= maxLon : lon >= minLon || lon <= maxLon;
      return T3.of(minLat <= lat && lat <= maxLat && inLon);
    }
  }

  /** {@code MOD [NOT] EXISTS} by the presence rules of §4.3; never UNKNOWN. */
  record Exists(String modality, boolean negated) implements RefCond {
    public String vql() {
      return modality + (negated ? " NOT EXISTS" : " EXISTS");
    }

    public T3 eval(Octad o, Model m) {
      boolean present = switch (modality) {
        case "DOCUMENT" -> o.doc() != null;
        case "VECTOR" -> o.vector() != null;
        case "SPATIAL" -> o.point() != null;
        case "GRAPH" -> !o.edges().isEmpty();
        case "SEMANTIC" -> !o.types().isEmpty();
        default -> false;
      };
      return T3.of(present != negated);
    }
  }

  /** {@code GRAPH.edge_to} or {@code GRAPH.edge_from} {@code = | !=} id: existential over an always-defined array (§6.1, §6.3). */
  record EdgeField(String field, String op, String id) implements RefCond {
    public String vql() {
      return "GRAPH." + field + " " + op + " " + Literals.vql(id);
    }

    public T3 eval(Octad o, Model m) {
      List<String> ids = field.equals("edge_to") ? o.edges().stream().map(Model.Edge::target).toList() : Graph.sources(o.id(), m);
      boolean some = ids.contains(id);
      return T3.of(op.equals("=") ? some : !some);
    }
  }

  /** {@code SEMANTIC.types CONTAINS 'T'}: membership; an absent SEMANTIC is NULL, so UNKNOWN. */
  record TypeContains(String type) implements RefCond {
    public String vql() {
      return "SEMANTIC.types CONTAINS " + Literals.vql(type);
    }

    public T3 eval(Octad o, Model m) {
      return o.types().isEmpty() ? T3.UNKNOWN : T3.of(o.types().contains(type));
    }
  }

  /**
   * {@code (h)-[:P|Q*m..n]->(x)}, {@code (h)<-[…]-(x)} or {@code (h)-[…]-(x)}, alone or with a
   * condition on {@code x.field}: there is an x reached from the candidate by a walk of m to n
   * edges of the listed types, each followed forward, backward or either way (and, with a
   * condition, one for which it holds: TRUE if some x gives TRUE, FALSE if all give FALSE, else
   * UNKNOWN). Dangling targets are nodes without fields or outgoing edges (§6.3).
   */
  record GraphUnit(List<String> predicates, String direction, int min, int max, String var, Compare varCond) implements RefCond {
    public String vql() {
      String spec = ":" + String.join("|", predicates) + hops();
      String edge = switch (direction) {
        case "out" -> "-[" + spec + "]->";
        case "in" -> "<-[" + spec + "]-";
        default -> "-[" + spec + "]-";
      };
      String pattern = "(h)" + edge + "(" + var + ")";
      if (varCond == null) {
        return pattern;
      }
      return "(" + pattern + " AND " + var + "." + varCond.field() + " " + varCond.op() + " " + Literals.vql(varCond.literal()) + ")";
    }

    private String hops() {
      if (min == 1 && max == 1) {
        return "";
      }
      if (min == 1 && max == Graph.MAX_HOPS) {
        return "*";
      }
      return min == max ? "*" + min : "*" + min + ".." + max;
    }

    public T3 eval(Octad o, Model m) {
      Set<String> bound = Graph.reach(o.id(), predicates, direction, min, max, m);
      if (varCond == null) {
        return T3.of(!bound.isEmpty());
      }
      T3 t = T3.FALSE;
      for (String x : bound) {
        Octad target = m.get(x);
        t = t.or(Literals.compare(target == null ? null : target.field(varCond.field()), varCond.op(), varCond.literal()));
      }
      return t;
    }
  }

  /** {@code VECTOR SIMILAR TO [..] [WITHIN t]} under COSINE: no vector is UNKNOWN; without WITHIN every vector matches. */
  record VectorSimilar(double[] anchor, Double threshold) implements RefCond {
    public String vql() {
      return "VECTOR SIMILAR TO " + Literals.vector(anchor) + (threshold == null ? "" : " WITHIN " + threshold);
    }

    public T3 eval(Octad o, Model m) {
      Double s = similarity(anchor, o);
      return s == null ? T3.UNKNOWN : threshold == null ? T3.TRUE : T3.of(s >= threshold);
    }

    /**
     * Cosine similarity in double precision of the anchor and the octad's vector, both as the
     * 32-bit floats the database stores and reads them as; 0 for a zero vector; null without a vector.
     */
    static Double similarity(double[] anchor, Octad o) {
      if (o.vector() == null) {
        return null;
      }
      double dot = 0;
      double na = 0;
      double nb = 0;
      for (int i = 0; i < anchor.length; i++) {
        double x = (float) anchor[i];
        double y = (float) o.vector()[i];
        dot += x * y;
        na += x * x;
        nb += y * y;
      }
      return na == 0 || nb == 0 ? 0.0 : dot / (Math.sqrt(na) * Math.sqrt(nb));
    }
  }
}
