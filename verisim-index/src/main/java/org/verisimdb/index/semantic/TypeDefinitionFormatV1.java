package org.verisimdb.index.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.value.Value;

/**
 * A {@link TypeDefinition} as the semantic modality of its octad, format 1.
 * <pre>
 * types          [ "vs:TypeDefinition" ]
 * properties
 *   vs.format      integer 1
 *   vs.name        string: the type name
 *   vs.supertypes  list of strings, possibly empty
 *   vs.constraints list, one list per constraint, first item its kind:
 *     [ "required", property ]
 *     [ "pattern",  property, regex ]
 *     [ "range",    property, min, max, min inclusive (boolean), max inclusive (boolean) ]
 *                   min and max: an integer, a float, or [] when open
 *     [ "datatype", property, kind ] kind: string, lang_string, typed, integer, number, boolean, ref, list
 *     [ "contract", contract name ]
 * </pre>
 * A reader meeting another format, or anything malformed, fails with INVALID_SEMANTIC naming the
 * property; definitions are validated again as they are read. Thread-safe: stateless.
 */
final class TypeDefinitionFormatV1 {
  static final long FORMAT = 1;
  static final String FORMAT_KEY = "vs.format";
  static final String NAME_KEY = "vs.name";
  static final String SUPERTYPES_KEY = "vs.supertypes";
  static final String CONSTRAINTS_KEY = "vs.constraints";

  private static final Value OPEN = new Value.Seq(List.of());

  private TypeDefinitionFormatV1() {}

  static SemanticFacet write(TypeDefinition d) {
    Map<String, Value> p = new TreeMap<>();
    p.put(FORMAT_KEY, Value.of(FORMAT));
    p.put(NAME_KEY, Value.of(d.name()));
    p.put(SUPERTYPES_KEY, new Value.Seq(d.supertypes().stream().<Value>map(Value::of).toList()));
    p.put(CONSTRAINTS_KEY, new Value.Seq(d.constraints().stream().map(TypeDefinitionFormatV1::write).toList()));
    return SemanticFacet.of(List.of(TypeDefinition.MARKER_TYPE), p);
  }

  private static Value write(Constraint c) {
    List<Value> items = switch (c) {
      case Constraint.Required(String property) -> List.of(Value.of("required"), Value.of(property));
      case Constraint.Pattern(String property, String regex) -> List.of(Value.of("pattern"), Value.of(property), Value.of(regex));
      case Constraint.Range(String property, Value min, Value max, boolean minIn, boolean maxIn) -> List.of(Value.of("range"),
          Value.of(property), min == null ? OPEN : min, max == null ? OPEN : max, Value.of(minIn), Value.of(maxIn));
      case Constraint.Datatype(String property, Constraint.Kind kind) -> List.of(Value.of("datatype"), Value.of(property), Value.of(kind.wireName()));
      case Constraint.ContractRef(String name) -> List.of(Value.of("contract"), Value.of(name));
    };
    return new Value.Seq(items);
  }

  static TypeDefinition read(SemanticFacet facet) {
    if (!facet.hasType(TypeDefinition.MARKER_TYPE)) {
      throw bad("semantic.types", "it lacks the type " + TypeDefinition.MARKER_TYPE);
    }
    Map<String, Value> p = facet.properties();
    if (!(p.get(FORMAT_KEY) instanceof Value.Int(long format)) || format != FORMAT) {
      throw bad(path(FORMAT_KEY), "its format is " + p.get(FORMAT_KEY) + ", this version reads format " + FORMAT);
    }
    String name = string(p.get(NAME_KEY), path(NAME_KEY));
    List<String> supertypes = new ArrayList<>();
    List<Value> supers = list(p.get(SUPERTYPES_KEY), path(SUPERTYPES_KEY));
    for (int i = 0; i < supers.size(); i++) {
      supertypes.add(string(supers.get(i), path(SUPERTYPES_KEY) + "[" + i + "]"));
    }
    List<Constraint> constraints = new ArrayList<>();
    List<Value> encoded = list(p.get(CONSTRAINTS_KEY), path(CONSTRAINTS_KEY));
    for (int i = 0; i < encoded.size(); i++) {
      String where = path(CONSTRAINTS_KEY) + "[" + i + "]";
      try {
        constraints.add(constraint(list(encoded.get(i), where), where));
      } catch (VeriSimException e) {
        throw e.field() != null && e.field().startsWith(where) ? e : new VeriSimException(e.code(), where, e.getMessage(), e);
      }
    }
    return new TypeDefinition(name, supertypes, constraints);
  }

  private static Constraint constraint(List<Value> items, String where) {
    String kind = items.isEmpty() ? "" : string(items.getFirst(), where + "[0]");
    int arity = switch (kind) {
      case "required", "contract" -> 2;
      case "pattern", "datatype" -> 3;
      case "range" -> 6;
      default -> throw bad(where, "unknown constraint kind '" + kind + "'; expected required, pattern, range, datatype or contract");
    };
    if (items.size() != arity) {
      throw bad(where, "a " + kind + " constraint has " + arity + " items, not " + items.size());
    }
    String first = string(items.get(1), where + "[1]");
    return switch (kind) {
      case "required" -> new Constraint.Required(first);
      case "contract" -> new Constraint.ContractRef(first);
      case "pattern" -> new Constraint.Pattern(first, string(items.get(2), where + "[2]"));
      case "datatype" -> new Constraint.Datatype(first, Constraint.Kind.parse(string(items.get(2), where + "[2]")));
      default -> new Constraint.Range(first, bound(items.get(2), where + "[2]"), bound(items.get(3), where + "[3]"),
          bool(items.get(4), where + "[4]"), bool(items.get(5), where + "[5]"));
    };
  }

  private static Value bound(Value v, String where) {
    if (OPEN.equals(v)) {
      return null;
    }
    if (!Numbers.isNumber(v)) {
      throw bad(where, "a range bound is a number or [], not " + v);
    }
    return v;
  }

  private static String string(Value v, String where) {
    if (v instanceof Value.Str(String s)) {
      return s;
    }
    throw bad(where, "expected a string, found " + (v == null ? "nothing" : v));
  }

  private static boolean bool(Value v, String where) {
    if (v instanceof Value.Bool(boolean b)) {
      return b;
    }
    throw bad(where, "expected a boolean, found " + v);
  }

  private static List<Value> list(Value v, String where) {
    if (v instanceof Value.Seq(List<Value> items)) {
      return items;
    }
    throw bad(where, "expected a list, found " + (v == null ? "nothing" : v));
  }

  private static String path(String key) {
    return "semantic.properties." + key;
  }

  private static VeriSimException bad(String where, String what) {
    return VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, where,
        "this is not a valid type definition: " + what + "; write definitions with TypeDefinition.toOctadInput()");
  }
}
