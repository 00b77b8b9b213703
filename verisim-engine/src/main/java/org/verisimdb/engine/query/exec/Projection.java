package org.verisimdb.engine.query.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.verisimdb.engine.query.Column;
import org.verisimdb.engine.query.row.OctadRow;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.SelectItem;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.check.FieldCatalog;
import org.verisimdb.vql.check.VqlType;
import org.verisimdb.vql.format.CondPrinter;

/**
 * The select list (VQL.md §5.2, §9.2): column names and types, and each row as the JSON object
 * clients receive: {@code id} first (not in aggregate rows), whole modalities under their
 * lower-case names, fields nested under their modality, everything else at the top level. An
 * item listed twice is kept once.
 */
final class Projection {
  /** One output item: a whole modality, or an expression with its column name. */
  sealed interface Item {
    record Whole(Modality modality) implements Item {}

    record Field(Expr.Field field, String key) implements Item {}

    record Top(Expr expr, String name) implements Item {}
  }

  final List<Item> items = new ArrayList<>();
  final List<Column> columns = new ArrayList<>();
  private final Set<Modality> whole = new java.util.HashSet<>();

  Projection(List<SelectItem> select) {
    Set<String> seen = new java.util.HashSet<>();
    for (SelectItem s : select) {
      switch (s) {
        case SelectItem.Star star -> {
          for (Modality m : Modality.values()) {
            addWhole(m, seen);
          }
        }
        case SelectItem.Whole w -> addWhole(w.modality(), seen);
        case SelectItem.Column c -> {
          String name = name(c);
          if (!seen.add("col:" + name)) {
            continue;
          }
          if (c.alias() == null && c.expr() instanceof Expr.Field f) {
            items.add(new Item.Field(f, f.name()));
          } else if (c.alias() == null && c.expr() instanceof Expr.Pseudo p && p.column() == Expr.PseudoColumn.ID) {
            columns.add(new Column("id", "string"));
            continue;
          } else {
            items.add(new Item.Top(c.expr(), name));
          }
          columns.add(new Column(name, type(c.expr())));
        }
      }
    }
  }

  private void addWhole(Modality m, Set<String> seen) {
    if (seen.add("mod:" + m)) {
      whole.add(m);
      items.add(new Item.Whole(m));
      columns.add(new Column(m.name().toLowerCase(Locale.ROOT), "modality"));
    }
  }

  /** The column name of §5.2. */
  static String name(SelectItem.Column c) {
    if (c.alias() != null) {
      return c.alias().text();
    }
    return switch (c.expr()) {
      case Expr.Field f -> f.modality().name().toLowerCase(Locale.ROOT) + "." + f.name();
      case Expr.Pseudo p -> p.column().text();
      default -> CondPrinter.text(c.expr());
    };
  }

  static String type(Expr e) {
    return switch (e) {
      case Expr.Field f -> {
        FieldCatalog.FieldInfo info = FieldCatalog.field(f.modality(), f.path());
        yield info == null ? "any" : typeName(info.type());
      }
      case Expr.Pseudo p -> p.column() == Expr.PseudoColumn.ID ? "string" : "float";
      case Expr.Drift d -> "float";
      case Expr.Aggregate a -> switch (a.function()) {
        case COUNT -> "integer";
        case AVG -> "float";
        case SUM -> a.argument() == null ? "integer" : switch (type(a.argument())) {
          case "integer" -> "integer";
          case "float" -> "float";
          default -> "any";
        };
        case MIN, MAX -> a.argument() == null ? "any" : type(a.argument());
      };
      default -> "any";
    };
  }

  private static String typeName(VqlType t) {
    return switch (t.kind()) {
      case NULL -> "any";
      default -> t.kind().name().toLowerCase(Locale.ROOT);
    };
  }

  /** A row of a non-aggregate query; {@code value} gives the value of a top-level expression. */
  Value.Obj row(OctadRow row, java.util.function.Function<Expr, Value> value) {
    Map<String, Value> out = new LinkedHashMap<>();
    out.put("id", new Value.Str(row.id().value()));
    Map<Modality, Map<String, Value>> nested = new LinkedHashMap<>();
    for (Item item : items) {
      switch (item) {
        case Item.Whole w -> out.put(key(w.modality()), row.modality(w.modality()));
        case Item.Field f -> {
          if (!whole.contains(f.field().modality())) {
            Map<String, Value> m = nested.computeIfAbsent(f.field().modality(), k -> {
              Map<String, Value> fresh = new LinkedHashMap<>();
              out.put(key(k), null); // holds the modality's place in member order
              return fresh;
            });
            m.put(f.key(), row.field(f.field().modality(), f.field().path()));
          }
        }
        case Item.Top t -> out.put(t.name(), value.apply(t.expr()));
      }
    }
    nested.forEach((m, fields) -> out.put(key(m), new Value.Obj(fields)));
    return new Value.Obj(out);
  }

  /** A row of an aggregate query. */
  Value.Obj groupRow(java.util.function.Function<Expr, Value> value) {
    Map<String, Value> out = new LinkedHashMap<>();
    Map<Modality, Map<String, Value>> nested = new LinkedHashMap<>();
    for (Item item : items) {
      switch (item) {
        case Item.Whole w -> throw new IllegalStateException("whole modality in an aggregate query");
        case Item.Field f -> {
          Map<String, Value> m = nested.computeIfAbsent(f.field().modality(), k -> {
            out.put(key(k), null);
            return new LinkedHashMap<>();
          });
          m.put(f.key(), value.apply(f.field()));
        }
        case Item.Top t -> out.put(t.name(), value.apply(t.expr()));
      }
    }
    nested.forEach((m, fields) -> out.put(key(m), new Value.Obj(fields)));
    return new Value.Obj(out);
  }

  private static String key(Modality m) {
    return m.name().toLowerCase(Locale.ROOT);
  }
}
