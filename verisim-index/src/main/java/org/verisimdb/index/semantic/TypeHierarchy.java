package org.verisimdb.index.semantic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.Hints;
import org.verisimdb.model.error.VeriSimException;

/**
 * The defined semantic types and how they inherit: each type's definition, and the transitive
 * supertypes and subtypes of every type, computed once. Types an octad declares without a
 * definition are simply types with no supertypes, subtypes or constraints.
 *
 * <p>Immutable and thread-safe; {@link #with} and {@link #without} return new hierarchies.
 */
public final class TypeHierarchy {
  public static final TypeHierarchy EMPTY = new TypeHierarchy(Map.of());

  private final Map<String, TypeDefinition> definitions;
  /** Supertypes of each defined type, nearest first (breadth-first, in declaration order). */
  private final Map<String, Set<String>> ancestors;
  private final Map<String, Set<String>> descendants;

  private TypeHierarchy(Map<String, TypeDefinition> definitions) {
    this.definitions = Collections.unmodifiableMap(new TreeMap<>(definitions));
    Map<String, Set<String>> up = new HashMap<>();
    Map<String, Set<String>> down = new HashMap<>();
    for (String type : this.definitions.keySet()) {
      Set<String> seen = new LinkedHashSet<>();
      ArrayDeque<String> queue = new ArrayDeque<>(definitions.get(type).supertypes());
      while (!queue.isEmpty()) {
        String s = queue.poll();
        if (seen.add(s)) {
          queue.addAll(definitions.get(s).supertypes());
        }
      }
      up.put(type, Collections.unmodifiableSet(seen));
      for (String s : seen) {
        down.computeIfAbsent(s, k -> new TreeSet<>()).add(type);
      }
    }
    down.replaceAll((k, v) -> Collections.unmodifiableSet(v));
    this.ancestors = Map.copyOf(up);
    this.descendants = Map.copyOf(down);
  }

  /**
   * A hierarchy of {@code definitions}. Fails with INVALID_SEMANTIC when a type is defined twice
   * or the supertypes form a cycle (the message names it), and with SCHEMA_NOT_FOUND when a
   * supertype or a contract is not defined.
   */
  public static TypeHierarchy of(Collection<TypeDefinition> definitions, ContractRegistry contracts) {
    Map<String, TypeDefinition> byName = new TreeMap<>();
    for (TypeDefinition d : definitions) {
      if (byName.putIfAbsent(d.name(), d) != null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "type.name", "type '" + d.name() + "' is defined twice; define it once");
      }
    }
    for (TypeDefinition d : byName.values()) {
      for (String s : d.supertypes()) {
        if (!byName.containsKey(s)) {
          throw new VeriSimException(ErrorCode.SCHEMA_NOT_FOUND, "type.supertypes", "type '" + d.name() + "' names supertype '" + s
              + "', which is not defined" + Hints.didYouMean(s, byName.keySet()) + "; define '" + s + "' first", null);
        }
      }
      d.requireContracts(contracts);
    }
    requireAcyclic(byName);
    return new TypeHierarchy(byName);
  }

  /** This hierarchy with {@code definition} added or replacing the type's previous definition. */
  public TypeHierarchy with(TypeDefinition definition, ContractRegistry contracts) {
    Map<String, TypeDefinition> next = new TreeMap<>(definitions);
    next.put(definition.name(), definition);
    return of(next.values(), contracts);
  }

  /** This hierarchy without {@code type}; INVALID_SEMANTIC when another type names it as a supertype. */
  public TypeHierarchy without(String type) {
    if (!definitions.containsKey(type)) {
      throw new VeriSimException(ErrorCode.SCHEMA_NOT_FOUND, "type", "type '" + type + "' is not defined"
          + Hints.didYouMean(type, definitions.keySet()), null);
    }
    for (TypeDefinition d : definitions.values()) {
      if (d.supertypes().contains(type)) {
        throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "type", "type '" + type + "' is a supertype of '" + d.name()
            + "'; remove it from that type's supertypes first");
      }
    }
    Map<String, TypeDefinition> next = new TreeMap<>(definitions);
    next.remove(type);
    return new TypeHierarchy(next);
  }

  /** The defined types, sorted. */
  public Set<String> types() {
    return definitions.keySet();
  }

  public Optional<TypeDefinition> definition(String type) {
    return Optional.ofNullable(definitions.get(type));
  }

  /** Every supertype of {@code type}, transitively, nearest first; empty for an undefined type. */
  public Set<String> supertypes(String type) {
    return ancestors.getOrDefault(type, Set.of());
  }

  /** Every subtype of {@code type}, transitively, sorted; empty when none. */
  public Set<String> subtypes(String type) {
    return descendants.getOrDefault(type, Set.of());
  }

  /** {@code type} and all its subtypes: what "of type T" matches. */
  public Set<String> withSubtypes(String type) {
    Set<String> all = new TreeSet<>(subtypes(type));
    all.add(type);
    return Collections.unmodifiableSet(all);
  }

  /** True when {@code type} is {@code ancestor} or one of its subtypes. */
  public boolean isA(String type, String ancestor) {
    return type.equals(ancestor) || supertypes(type).contains(ancestor);
  }

  /** Depth-first search for a cycle; the message walks it, from and back to its smallest type. */
  private static void requireAcyclic(Map<String, TypeDefinition> byName) {
    Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the path, 2: done
    for (String root : byName.keySet()) {
      if (state.containsKey(root)) {
        continue;
      }
      List<String> path = new ArrayList<>();
      ArrayDeque<java.util.Iterator<String>> stack = new ArrayDeque<>();
      path.add(root);
      state.put(root, 1);
      stack.push(byName.get(root).supertypes().iterator());
      while (!stack.isEmpty()) {
        java.util.Iterator<String> next = stack.peek();
        if (!next.hasNext()) {
          stack.pop();
          state.put(path.removeLast(), 2);
          continue;
        }
        String s = next.next();
        Integer st = state.get(s);
        if (st == null) {
          path.add(s);
          state.put(s, 1);
          stack.push(byName.get(s).supertypes().iterator());
        } else if (st == 1) {
          List<String> cycle = new ArrayList<>(path.subList(path.indexOf(s), path.size()));
          int smallest = cycle.indexOf(Collections.min(cycle));
          Collections.rotate(cycle, -smallest);
          cycle.add(cycle.getFirst());
          throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, "type.supertypes",
              "the supertypes form a cycle: " + String.join(" → ", cycle) + "; a type cannot inherit from itself, so remove one of these links");
        }
      }
    }
  }
}
