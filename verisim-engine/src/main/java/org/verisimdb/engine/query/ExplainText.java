package org.verisimdb.engine.query;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.verisimdb.vql.ast.Value;

/**
 * The EXPLAIN object of VQL.md §8 as a readable tree, one step per line with its estimates and,
 * after EXPLAIN ANALYZE, what it measured:
 * <pre>
 * EXPLAIN ANALYZE  estimated 1.52 ms, actual 0.87 ms
 * Project  est 10 rows 1.52 ms | actual 10 rows 0.87 ms  columns=[id, score]
 * └─ Limit  …
 *    └─ TextSearch [DOCUMENT]  est 12 rows 0.07 ms | actual 12 rows 0.41 ms  predicate=FULLTEXT CONTAINS 'tidal'
 * proof EXISTENCE(*)  est 10 subjects 0.10 ms | verified true
 * </pre>
 */
public final class ExplainText {
  private ExplainText() {}

  public static String render(Value.Obj explain) {
    StringBuilder out = new StringBuilder();
    out.append(str(explain.get("mode"))).append("  estimated ").append(ms(explain.get("estimated_total_ms")));
    if (!(explain.get("actual_total_ms") instanceof Value.Null)) {
      out.append(", actual ").append(ms(explain.get("actual_total_ms")));
    }
    out.append('\n');
    node((Value.Obj) explain.get("plan"), "", "", out);
    if (explain.get("proof_obligations") instanceof Value.Arr proofs) {
      for (Value v : proofs.elements()) {
        Value.Obj p = (Value.Obj) v;
        out.append("proof ").append(str(p.get("type"))).append('(').append(p.get("argument") instanceof Value.Str s ? s.value() : "")
            .append(")  est ").append(num(p.get("estimated_subjects"))).append(" subjects ").append(ms(p.get("estimated_cost_ms")));
        if (!(p.get("verified") instanceof Value.Null)) {
          out.append(" | verified ").append(p.get("verified") == Value.TRUE);
          if (p.get("reason") instanceof Value.Str r) {
            out.append(" (").append(r.value()).append(')');
          }
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static void node(Value.Obj n, String lead, String indent, StringBuilder out) {
    out.append(lead).append(str(n.get("operator")));
    if (n.get("modality") instanceof Value.Str m) {
      out.append(" [").append(m.value()).append(']');
    }
    out.append("  est ").append(num(n.get("estimated_rows"))).append(" rows ").append(ms(n.get("estimated_cost_ms")));
    if (!(n.get("actual_rows") instanceof Value.Null)) {
      out.append(" | actual ").append(num(n.get("actual_rows"))).append(" rows ").append(ms(n.get("actual_ms")));
    }
    if (n.get("detail") instanceof Value.Obj d) {
      for (Map.Entry<String, Value> e : d.members().entrySet()) {
        out.append("  ").append(e.getKey()).append('=').append(plain(e.getValue()));
      }
    }
    out.append('\n');
    List<Value> children = n.get("children") instanceof Value.Arr a ? a.elements() : List.of();
    for (int i = 0; i < children.size(); i++) {
      boolean last = i == children.size() - 1;
      node((Value.Obj) children.get(i), indent + (last ? "└─ " : "├─ "), indent + (last ? "   " : "│  "), out);
    }
  }

  private static String plain(Value v) {
    return switch (v) {
      case Value.Str s -> s.value();
      case Value.Arr a -> a.elements().stream().map(ExplainText::plain).toList().toString();
      case Value.Null n -> "null";
      default -> String.valueOf(org.verisimdb.engine.query.value.ValueJson.toPlain(v));
    };
  }

  private static String str(Value v) {
    return v instanceof Value.Str s ? s.value() : String.valueOf(v);
  }

  private static String num(Value v) {
    return switch (v) {
      case Value.Int i -> Long.toString(i.value());
      case Value.Flt f -> String.format(Locale.ROOT, "%.0f", f.value());
      default -> "?";
    };
  }

  private static String ms(Value v) {
    return switch (v) {
      case Value.Flt f -> String.format(Locale.ROOT, "%.2f ms", f.value());
      case Value.Int i -> i.value() + " ms";
      default -> "? ms";
    };
  }
}
