package org.verisimdb.index.semantic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.hash.CanonicalJson;
import org.verisimdb.model.value.Value;

/**
 * Checks octads against the constraints of their types: every constraint declared by a type the
 * octad declares, or by any supertype of one, each checked once. The engine calls
 * {@link #enforce} on write.
 *
 * <p>Thread-safe: stateless.
 */
public final class Constraints {
  private static final int SHOWN = 80;

  private Constraints() {}

  /** Every violation of {@code octad}, contracts included; empty when it meets all its types' constraints. */
  public static List<Violation> check(Octad octad, TypeHierarchy types, ContractRegistry contracts) {
    return octad.semantic().map(s -> check(octad, s, types, contracts)).orElse(List.of());
  }

  /**
   * Every violation of a semantic modality on its own. Contracts need the whole octad, so
   * contract constraints are not evaluated here; check the octad for those.
   */
  public static List<Violation> check(SemanticFacet semantic, TypeHierarchy types) {
    return check(null, semantic, types, null);
  }

  /** Fails with CONSTRAINT_VIOLATION, listing every violation, when {@code octad} breaks a constraint. */
  public static void enforce(Octad octad, TypeHierarchy types, ContractRegistry contracts) {
    List<Violation> violations = check(octad, types, contracts);
    if (!violations.isEmpty()) {
      throw failure(octad.id(), violations);
    }
  }

  /** The CONSTRAINT_VIOLATION error for {@code violations} of octad {@code id} (null when not yet known). */
  public static VeriSimException failure(OctadId id, List<Violation> violations) {
    StringBuilder m = new StringBuilder(id == null ? "the octad" : "octad " + id)
        .append(violations.size() == 1 ? " breaks a constraint of its type: " : " breaks " + violations.size() + " constraints of its types: ");
    for (int i = 0; i < violations.size(); i++) {
      if (violations.size() > 1) {
        m.append(i == 0 ? "" : "; ").append(i + 1).append(") ");
      }
      m.append(violations.get(i).message());
    }
    String path = violations.size() == 1 ? violations.getFirst().path() : "semantic";
    return new VeriSimException(ErrorCode.CONSTRAINT_VIOLATION, path, m.toString(), null);
  }

  private static List<Violation> check(Octad octad, SemanticFacet semantic, TypeHierarchy types, ContractRegistry contracts) {
    Set<String> checked = new LinkedHashSet<>();
    for (String declared : semantic.types()) {
      checked.add(declared);
      checked.addAll(types.supertypes(declared));
    }
    List<Violation> violations = new ArrayList<>();
    for (String type : checked) {
      TypeDefinition definition = types.definition(type).orElse(null);
      if (definition == null) {
        continue;
      }
      for (Constraint c : definition.constraints()) {
        if (c instanceof Constraint.ContractRef ref) {
          if (octad != null) {
            contract(octad, ref, type, contracts, violations);
          }
        } else {
          property(semantic, c, type, violations);
        }
      }
    }
    return violations;
  }

  private static void property(SemanticFacet semantic, Constraint c, String type, List<Violation> violations) {
    String key = switch (c) {
      case Constraint.Required r -> r.property();
      case Constraint.Pattern p -> p.property();
      case Constraint.Range r -> r.property();
      case Constraint.Datatype d -> d.property();
      case Constraint.ContractRef r -> throw new IllegalArgumentException("not a property constraint: " + r);
    };
    String path = "semantic.properties." + key;
    Value value = semantic.properties().get(key);
    if (value == null) {
      if (c instanceof Constraint.Required) {
        violations.add(new Violation(path, c, type, "property '" + key + "' is required by type '" + type + "' but missing; set it"));
      }
      return;
    }
    if (c instanceof Constraint.Datatype(String k, Constraint.Kind kind) && kind == Constraint.Kind.LIST) {
      if (!(value instanceof Value.Seq)) {
        violations.add(new Violation(path, c, type, "property '" + key + "' is " + show(value) + " but type '" + type
            + "' requires a list; give it as a list"));
      }
      return;
    }
    List<Value> items = value instanceof Value.Seq(List<Value> all) ? flatten(all) : List.of(value);
    for (int i = 0; i < items.size(); i++) {
      String at = value instanceof Value.Seq ? path + "[" + i + "]" : path;
      String problem = problem(c, items.get(i), key, type);
      if (problem != null) {
        violations.add(new Violation(at, c, type, problem));
      }
    }
  }

  /** What is wrong with one value under a value constraint, or null when nothing is. */
  private static String problem(Constraint c, Value v, String key, String type) {
    String what = "property '" + key + "' is " + show(v);
    return switch (c) {
      case Constraint.Required r -> null;
      case Constraint.Pattern p -> {
        String text = switch (v) {
          case Value.Str(String s) -> s;
          case Value.LangStr(String s, String language) -> s;
          case Value.Typed(String lexical, String datatype) -> lexical;
          default -> null;
        };
        if (text == null) {
          yield what + ", not a string, but type '" + type + "' requires text matching pattern '" + p.regex() + "'; give a string";
        }
        yield p.matches(text) ? null
            : what + ", which does not match pattern '" + p.regex() + "' required by type '" + type + "'; give a value matching it";
      }
      case Constraint.Range r -> {
        if (!Numbers.isNumber(v)) {
          yield what + ", not a number, but type '" + type + "' requires " + r.describe() + "; give a number";
        }
        yield r.contains(v) ? null : what + ", outside the range " + r.describe() + " required by type '" + type + "'; give a value in range";
      }
      case Constraint.Datatype d -> d.kind().accepts(v) ? null
          : what + " but type '" + type + "' requires " + article(d.kind()) + "; give a value of that kind";
      case Constraint.ContractRef r -> throw new IllegalArgumentException("not a value constraint: " + r);
    };
  }

  private static void contract(Octad octad, Constraint.ContractRef ref, String type, ContractRegistry contracts, List<Violation> violations) {
    Contract contract = contracts.require(ref.name(), "type '" + type + "'");
    Boolean result;
    try {
      result = contract.evaluate(octad);
    } catch (RuntimeException e) {
      violations.add(new Violation("semantic", ref, type, "contract '" + ref.name() + "' required by type '" + type
          + "' failed while evaluating (" + e + "); fix the contract or the octad"));
      return;
    }
    if (Boolean.FALSE.equals(result)) {
      violations.add(new Violation("semantic", ref, type, "contract '" + ref.name() + "' required by type '" + type
          + "' does not hold; change the octad so that it does"));
    }
  }

  private static List<Value> flatten(List<Value> items) {
    List<Value> flat = new ArrayList<>();
    for (Value item : items) {
      if (item instanceof Value.Seq(List<Value> inner)) {
        flat.addAll(flatten(inner));
      } else {
        flat.add(item);
      }
    }
    return flat;
  }

  private static String article(Constraint.Kind kind) {
    return switch (kind) {
      case STRING -> "a string";
      case LANG_STRING -> "a language-tagged string";
      case TYPED -> "a typed literal";
      case INTEGER -> "an integer";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case REF -> "a reference to an octad";
      case LIST -> "a list";
    };
  }

  private static String show(Value v) {
    String json = CanonicalJson.write(v);
    return json.length() <= SHOWN ? json : json.substring(0, SHOWN) + "…";
  }
}
