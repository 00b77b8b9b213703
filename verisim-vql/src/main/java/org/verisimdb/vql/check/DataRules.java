package org.verisimdb.vql.check;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verisimdb.vql.ast.Clauses.Assign;
import org.verisimdb.vql.ast.Clauses.SetItem;
import org.verisimdb.vql.ast.ModData;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.parse.TensorShape;

/** Modality data of INSERT and UPDATE … WITH, and UPDATE … SET (VQL.md §5.9–5.10). */
final class DataRules {
  private static final Map<String, Long[]> DTYPES = new HashMap<>();

  static {
    Long[] i32 = {(long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE};
    Long[] i64 = {Long.MIN_VALUE, Long.MAX_VALUE};
    for (String f : List.of("float32", "float64", "f32", "f64")) {
      DTYPES.put(f, null);
    }
    DTYPES.put("int32", i32);
    DTYPES.put("i32", i32);
    DTYPES.put("int64", i64);
    DTYPES.put("i64", i64);
    DTYPES.put("bool", new Long[0]);
  }

  private final Context ctx;

  DataRules(Context ctx) {
    this.ctx = ctx;
  }

  void data(List<ModData> data) {
    Set<Modality> seen = EnumSet.noneOf(Modality.class);
    for (ModData d : data) {
      if (d.modality() != Modality.GRAPH && !seen.add(d.modality())) {
        ctx.error(DiagnosticCode.TYPE_010, d.span(), d.modality() + " data is given twice; each modality but GRAPH may appear once");
      }
      switch (d) {
        case ModData.Vector v -> {
          ctx.vector(v.vector());
          for (Assign a : v.options()) {
            if (!a.key().text().equals("model")) {
              ctx.error(DiagnosticCode.TYPE_010, a.key().span(), "VECTOR takes only model = '…' after the vector; found '" + a.key().text() + "'");
            } else if (!(ctx.value(a.value()) instanceof Value.Null)) {
              ctx.string(a.value(), "a model name");
            }
          }
        }
        case ModData.Edge e -> ctx.octadId(e.target());
        case ModData.TensorArray t -> {
          Value v = ctx.value(t.array());
          if (v != null && (!(v instanceof Value.Arr a) || TensorShape.shapeOf(a) == null)) {
            ctx.error(DiagnosticCode.TYPE_010, t.span(), "TENSOR data must be a rectangular nested array");
          }
        }
        case ModData.Fields f -> fields(f);
      }
    }
  }

  private void fields(ModData.Fields f) {
    Map<String, Assign> byKey = new HashMap<>();
    for (Assign a : f.fields()) {
      boolean repeatable = f.modality() == Modality.SEMANTIC && a.key().text().equals("types");
      if (byKey.putIfAbsent(a.key().text(), a) != null && !repeatable) {
        ctx.error(DiagnosticCode.TYPE_010, a.key().span(), "'" + a.key().text() + "' is given twice in " + f.modality() + " data");
      }
    }
    switch (f.modality()) {
      case DOCUMENT -> {
        for (Assign a : f.fields()) {
          scalar(a, a.key().text().equals("title") || a.key().text().equals("body"));
        }
      }
      case SEMANTIC -> {
        for (Assign a : f.fields()) {
          if (a.key().text().equals("types")) {
            Value v = ctx.value(a.value());
            if (v != null && !(v instanceof Value.Arr arr && arr.elements().stream().allMatch(e -> e instanceof Value.Str))) {
              ctx.wrongKind(a.value(), "an array of type names", DiagnosticCode.TYPE_010);
            }
          } else {
            scalar(a, false);
          }
        }
      }
      case TEMPORAL -> keys(f, Set.of("valid_from", "label", "message"), Set.of());
      case PROVENANCE -> keys(f, Set.of("event_type", "actor", "source", "description"), Set.of("event_type"));
      case SPATIAL -> spatial(f, byKey);
      case TENSOR -> tensor(f, byKey);
      default -> { }
    }
  }

  /** A DOCUMENT field or SEMANTIC property: a string, number, boolean, timestamp or NULL. */
  private void scalar(Assign a, boolean mustBeString) {
    Value v = ctx.value(a.value());
    if (v == null || v instanceof Value.Null) {
      return;
    }
    boolean ok = mustBeString ? v instanceof Value.Str || v instanceof Value.Uuid : !(v instanceof Value.Arr);
    if (!ok) {
      ctx.wrongKind(a.value(), mustBeString ? "a string for '" + a.key().text() + "'" : "a string, number, boolean or timestamp", DiagnosticCode.TYPE_010);
    }
  }

  private void keys(ModData.Fields f, Set<String> allowed, Set<String> required) {
    Set<String> given = new HashSet<>();
    for (Assign a : f.fields()) {
      String key = a.key().text();
      given.add(key);
      if (!allowed.contains(key)) {
        ctx.error(DiagnosticCode.TYPE_010, a.key().span(), f.modality() + " data has no key '" + key + "'; expected " + String.join(", ", allowed));
      } else if (key.equals("valid_from")) {
        ctx.time(a.value(), "a timestamp");
      } else if (!(ctx.value(a.value()) instanceof Value.Null)) {
        ctx.string(a.value(), "a string for '" + key + "'");
      }
    }
    for (String key : required) {
      if (!given.contains(key)) {
        ctx.error(DiagnosticCode.TYPE_010, f.span(), f.modality() + " data needs " + key);
      }
    }
  }

  private void spatial(ModData.Fields f, Map<String, Assign> byKey) {
    for (Assign a : f.fields()) {
      switch (a.key().text()) {
        case "lat" -> ctx.latitude(a.value());
        case "lon" -> ctx.longitude(a.value());
        case "alt" -> {
          if (!(ctx.value(a.value()) instanceof Value.Null)) {
            ctx.number(a.value(), "an altitude in metres");
          }
        }
        case "srid" -> ctx.integer(a.value(), "an integer SRID");
        case "wkt" -> {
          String wkt = ctx.string(a.value(), "a WKT string");
          String problem = wkt == null ? null : Wkt.problem(wkt, false);
          if (problem != null) {
            ctx.error(DiagnosticCode.VALUE_003, a.value().span(), "invalid WKT: " + problem);
          }
        }
        default -> ctx.error(DiagnosticCode.TYPE_010, a.key().span(), "SPATIAL data has no key '" + a.key().text() + "'; expected lat, lon, alt, srid or wkt");
      }
    }
    if (byKey.containsKey("lat") != byKey.containsKey("lon")) {
      ctx.error(DiagnosticCode.TYPE_010, f.span(), "SPATIAL data gives lat and lon together");
    } else if (!byKey.containsKey("lat") && !byKey.containsKey("wkt")) {
      ctx.error(DiagnosticCode.TYPE_010, f.span(), "SPATIAL data needs lat and lon, or wkt");
    }
  }

  private void tensor(ModData.Fields f, Map<String, Assign> byKey) {
    for (Assign a : f.fields()) {
      if (!Set.of("shape", "data", "dtype").contains(a.key().text())) {
        ctx.error(DiagnosticCode.TYPE_010, a.key().span(), "TENSOR data has no key '" + a.key().text() + "'; expected shape, data and dtype");
      }
    }
    if (!byKey.containsKey("shape") || !byKey.containsKey("data")) {
      ctx.error(DiagnosticCode.TYPE_010, f.span(), "TENSOR data needs shape and data (or one nested array)");
      return;
    }
    Value shape = ctx.value(byKey.get("shape").value());
    Value data = ctx.value(byKey.get("data").value());
    String dtype = byKey.containsKey("dtype") ? ctx.string(byKey.get("dtype").value(), "a dtype") : "float64";
    if (dtype != null && !DTYPES.containsKey(dtype)) {
      ctx.error(DiagnosticCode.TYPE_010, byKey.get("dtype").value().span(), "unknown dtype '" + dtype + "'; expected float32, float64, int32, int64 or bool");
      dtype = null;
    }
    if (!(shape instanceof Value.Arr s) || !(data instanceof Value.Arr d)) {
      return;
    }
    long size = 1;
    for (Value dim : s.elements()) {
      if (!(dim instanceof Value.Int n) || n.value() < 0) {
        ctx.error(DiagnosticCode.TYPE_010, byKey.get("shape").value().span(), "a tensor shape is an array of non-negative integers");
        return;
      }
      size = Math.multiplyHigh(size, n.value()) != 0 ? Long.MAX_VALUE : size * n.value();
    }
    if (size != d.elements().size()) {
      ctx.error(DiagnosticCode.TYPE_010, f.span(), "the shape holds " + size + " elements but data has " + d.elements().size());
    }
    if (dtype != null) {
      Long[] range = DTYPES.get(dtype);
      for (Value e : d.elements()) {
        boolean fits = range == null ? e instanceof Value.Int || e instanceof Value.Flt
            : range.length == 0 ? e instanceof Value.Bool : e instanceof Value.Int i && i.value() >= range[0] && i.value() <= range[1];
        if (!fits) {
          ctx.error(DiagnosticCode.TYPE_010, byKey.get("data").value().span(), "element " + Context.describe(e) + " does not fit dtype " + dtype);
          return;
        }
      }
    }
  }

  void set(List<SetItem> items) {
    Set<String> seen = new HashSet<>();
    for (SetItem item : items) {
      String name = item.field().modality() + "." + item.field().name();
      if (!seen.add(name)) {
        ctx.error(DiagnosticCode.TYPE_010, item.field().span(), name + " is set twice");
      }
      FieldCatalog.FieldInfo info = FieldCatalog.field(item.field().modality(), item.field().path());
      if (info == null) {
        ctx.error(DiagnosticCode.NAME_002, item.field().span(), "unknown field '" + item.field().name() + "' of " + item.field().modality(),
            org.verisimdb.vql.diag.Hints.didYouMean(item.field().name(), FieldCatalog.names(item.field().modality())));
        continue;
      }
      if (!info.writable()) {
        ctx.error(DiagnosticCode.TYPE_009, item.field().span(), name + " is not writable; it is computed or written only through modality data");
        continue;
      }
      Value v = ctx.value(item.value());
      if (v instanceof Value.Null) {
        if (!info.nullable()) {
          ctx.error(DiagnosticCode.TYPE_001, item.value().span(), name + " cannot be set to NULL");
        }
        continue;
      }
      if (name.equals("VECTOR.embedding")) {
        ctx.vector(item.value());
      } else if (name.equals("SPATIAL.lat")) {
        ctx.latitude(item.value());
      } else if (name.equals("SPATIAL.lon")) {
        ctx.longitude(item.value());
      } else if (info.type().kind() == VqlType.Kind.TIMESTAMP) {
        ctx.time(item.value(), "a timestamp");
      } else if (v != null && !CondChecker.compatible(info.type(), ExprChecker.valueType(v), org.verisimdb.vql.ast.CmpOp.EQ)) {
        ctx.wrongKind(item.value(), "a " + info.type() + " for " + name, DiagnosticCode.TYPE_001);
      }
    }
  }
}
