package org.verisimdb.bench.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.verisimdb.vql.ast.Value;

/**
 * The operator tree of an EXPLAIN ANALYZE object (VQL.md §8) as indented lines, one per plan
 * node: operator, modality, measured rows and milliseconds, the estimate, and the detail members
 * that say which path ran (index, k, from, predicate). Stateless.
 */
final class PlanTree {
  private PlanTree() {}

  /** The lines of {@code explain}'s plan, root first, children indented by two spaces per level. */
  static List<String> lines(Value.Obj explain) {
    List<String> out = new ArrayList<>();
    if (explain == null || !(explain.get("plan") instanceof Value.Obj plan)) {
      out.add("(no plan in the EXPLAIN ANALYZE answer)");
      return out;
    }
    add(out, plan, 0);
    if (explain.get("proof_obligations") instanceof Value.Arr proofs) {
      for (Value v : proofs.elements()) {
        if (v instanceof Value.Obj o) {
          out.add(String.format(Locale.ROOT, "proof %s(%s): verified=%s, %s ms%s", text(o.get("type")), text(o.get("argument")),
              text(o.get("verified")), text(o.get("actual_ms")), o.get("reason") instanceof Value.Str r ? ", reason: " + r.value() : ""));
        }
      }
    }
    out.add("total " + text(explain.get("actual_total_ms")) + " ms (estimated " + text(explain.get("estimated_total_ms")) + ")");
    return out;
  }

  /** The operator names of the tree, root first, depth first: what the test and the JSON use to tell the path. */
  static List<String> operators(Value.Obj explain) {
    List<String> out = new ArrayList<>();
    if (explain != null && explain.get("plan") instanceof Value.Obj plan) {
      collect(out, plan);
    }
    return out;
  }

  private static void collect(List<String> out, Value.Obj node) {
    out.add(text(node.get("operator")));
    if (node.get("children") instanceof Value.Arr children) {
      for (Value c : children.elements()) {
        if (c instanceof Value.Obj o) {
          collect(out, o);
        }
      }
    }
  }

  private static void add(List<String> out, Value.Obj node, int depth) {
    StringBuilder line = new StringBuilder("  ".repeat(depth)).append(text(node.get("operator")));
    if (node.get("modality") instanceof Value.Str m) {
      line.append(" [").append(m.value()).append(']');
    }
    line.append(" rows=").append(text(node.get("actual_rows"))).append(" (est ").append(text(node.get("estimated_rows")))
        .append(") ").append(text(node.get("actual_ms"))).append(" ms");
    if (node.get("detail") instanceof Value.Obj detail && !detail.members().isEmpty()) {
      List<String> parts = new ArrayList<>();
      detail.members().forEach((k, v) -> parts.add(k + "=" + shorten(text(v))));
      line.append("  {").append(String.join(", ", parts)).append('}');
    }
    out.add(line.toString());
    if (node.get("children") instanceof Value.Arr children) {
      for (Value c : children.elements()) {
        if (c instanceof Value.Obj o) {
          add(out, o, depth + 1);
        }
      }
    }
  }

  private static String shorten(String s) {
    return s.length() <= 90 ? s : s.substring(0, 87) + "...";
  }

  static String text(Value v) {
    return switch (v) {
      case null -> "null";
      case Value.Str s -> s.value();
      case Value.Int i -> Long.toString(i.value());
      case Value.Flt f -> String.format(Locale.ROOT, "%.3f", f.value());
      case Value.Bool b -> Boolean.toString(b.value());
      case Value.Null n -> "null";
      case Value.Arr a -> a.elements().size() > 6 ? "[" + a.elements().size() + " values]"
          : "[" + String.join(", ", a.elements().stream().map(PlanTree::text).toList()) + "]";
      case Value.Obj o -> "{" + String.join(", ", o.members().entrySet().stream().map(e -> e.getKey() + ": " + text(e.getValue())).toList()) + "}";
      default -> v.toString();
    };
  }
}
