package org.verisimdb.engine.query.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.engine.query.value.ValueJson;
import org.verisimdb.vql.ast.Value;

/** Plan nodes as the JSON objects of VQL.md §8: estimates always, actuals once the node ran (else null). */
public final class PlanJson {
  private PlanJson() {}

  /** {@code {operator, modality, detail, estimated_rows, estimated_cost_ms, actual_rows, actual_ms, children}}. */
  public static Value.Obj node(PlanNode n, boolean withActuals) {
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("operator", new Value.Str(n.operator().wireName()));
    m.put("modality", n.modality() == null ? Value.NULL : new Value.Str(n.modality()));
    m.put("detail", ValueJson.fromPlain(n.detail()));
    m.put("estimated_rows", new Value.Int(Math.round(n.estimatedRows())));
    m.put("estimated_cost_ms", new Value.Flt(round(n.estimatedCostMs())));
    boolean actual = withActuals && n.measured();
    m.put("actual_rows", actual ? new Value.Int(n.actualRows()) : Value.NULL);
    m.put("actual_ms", actual ? new Value.Flt(round(n.actualMs())) : Value.NULL);
    List<Value> children = new ArrayList<>();
    for (PlanNode c : n.children()) {
      children.add(node(c, withActuals));
    }
    m.put("children", new Value.Arr(children));
    return new Value.Obj(new LinkedHashMap<>(m));
  }

  /** Milliseconds to three decimals (microseconds), so figures read cleanly. */
  public static double round(double ms) {
    return Math.round(ms * 1000) / 1000.0;
  }
}
