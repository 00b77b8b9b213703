package org.verisimdb.index.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

class TypeHierarchyTest {

  @Test
  void closuresMatchAReachabilityModelOnRandomHierarchies() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(15);
      Map<String, List<String>> parents = new HashMap<>();
      List<TypeDefinition> defs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        List<String> ps = new ArrayList<>();
        for (int j = 0; j < i; j++) { // parents only among earlier types: acyclic
          if (random.nextInt(4) == 0) {
            ps.add("T" + j);
          }
        }
        parents.put("T" + i, ps);
        defs.add(TypeDefinition.of("T" + i, ps));
      }
      java.util.Collections.shuffle(defs, random);
      TypeHierarchy h = TypeHierarchy.of(defs, ContractRegistry.empty());
      for (String t : parents.keySet()) {
        Set<String> up = reachable(t, parents);
        assertThat(h.supertypes(t)).as("seed=%d round=%d %s in %s", seed, round, t, parents).containsExactlyInAnyOrderElementsOf(up);
        Set<String> down = new HashSet<>();
        parents.keySet().forEach(u -> {
          if (reachable(u, parents).contains(t)) {
            down.add(u);
          }
        });
        assertThat(h.subtypes(t)).as("seed=%d round=%d", seed, round).containsExactlyInAnyOrderElementsOf(down);
        assertThat(h.withSubtypes(t)).contains(t).hasSize(down.size() + 1);
      }
      // add a link from an ancestor back down: a cycle, which must be found and named
      String child = "T" + random.nextInt(n);
      Set<String> up = reachable(child, parents);
      if (!up.isEmpty()) {
        String ancestor = up.stream().sorted().findFirst().orElseThrow();
        List<TypeDefinition> cyclic = new ArrayList<>(defs);
        cyclic.removeIf(d -> d.name().equals(ancestor));
        List<String> ps = new ArrayList<>(parents.get(ancestor));
        ps.add(child);
        cyclic.add(TypeDefinition.of(ancestor, ps));
        assertThatThrownBy(() -> TypeHierarchy.of(cyclic, ContractRegistry.empty())).as("seed=%d round=%d", seed, round)
            .isInstanceOfSatisfying(VeriSimException.class, e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEMANTIC);
              String walk = e.getMessage().replaceAll(".*cycle: ", "").replaceAll(";.*", "");
              String[] steps = walk.split(" → ");
              assertThat(steps[0]).isEqualTo(steps[steps.length - 1]);
              for (int i = 0; i + 1 < steps.length; i++) { // each step is a real supertype link
                List<String> links = steps[i].equals(ancestor) ? ps : parents.get(steps[i]);
                assertThat(links).as(walk).contains(steps[i + 1]);
              }
            });
      }
    }
  }

  private static Set<String> reachable(String t, Map<String, List<String>> parents) {
    Set<String> seen = new HashSet<>();
    List<String> todo = new ArrayList<>(parents.get(t));
    while (!todo.isEmpty()) {
      String s = todo.removeLast();
      if (seen.add(s)) {
        todo.addAll(parents.get(s));
      }
    }
    return seen;
  }

  @Test
  void supertypesComeNearestFirst() {
    TypeHierarchy h = TypeHierarchy.of(List.of(TypeDefinition.of("Thing", List.of()), TypeDefinition.of("Agent", List.of("Thing")),
        TypeDefinition.of("Named", List.of()), TypeDefinition.of("Person", List.of("Agent", "Named")),
        TypeDefinition.of("Student", List.of("Person"))), ContractRegistry.empty());
    assertThat(h.supertypes("Student")).containsExactly("Person", "Agent", "Named", "Thing");
    assertThat(h.subtypes("Thing")).containsExactly("Agent", "Person", "Student");
    assertThat(h.isA("Student", "Thing")).isTrue();
    assertThat(h.isA("Thing", "Student")).isFalse();
    assertThat(h.supertypes("Undefined")).isEmpty();
    assertThat(h.withSubtypes("Undefined")).containsExactly("Undefined");
    assertThatThrownBy(() -> h.without("Person")).isInstanceOfSatisfying(VeriSimException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEMANTIC));
    TypeHierarchy fewer = h.without("Student");
    assertThat(fewer.types()).doesNotContain("Student");
    assertThat(h.types()).contains("Student");
    TypeHierarchy more = fewer.with(TypeDefinition.of("Robot", List.of("Agent")), ContractRegistry.empty());
    assertThat(more.subtypes("Agent")).containsExactly("Person", "Robot");
  }

  @Test
  void badHierarchiesAreRejected() {
    ContractRegistry none = ContractRegistry.empty();
    assertThatThrownBy(() -> TypeHierarchy.of(List.of(TypeDefinition.of("Person", List.of("Agnet")), TypeDefinition.of("Agent", List.of())), none))
        .isInstanceOfSatisfying(VeriSimException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_NOT_FOUND);
          assertThat(e.getMessage()).contains("'Agnet'").contains("did you mean Agent?");
        });
    assertThatThrownBy(() -> TypeHierarchy.of(List.of(TypeDefinition.of("A", List.of("B")), TypeDefinition.of("B", List.of("A"))), none))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.getMessage()).contains("A → B → A"));
    assertThatThrownBy(() -> TypeHierarchy.of(List.of(TypeDefinition.of("A", List.of()), TypeDefinition.of("A", List.of())), none))
        .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEMANTIC));
    assertThatThrownBy(() -> TypeDefinition.of("A", List.of("A"))).isInstanceOfSatisfying(VeriSimException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEMANTIC));
    assertThatThrownBy(() -> TypeDefinition.of("A", List.of("B", "B"))).isInstanceOfSatisfying(VeriSimException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEMANTIC));
    assertThatThrownBy(() -> TypeDefinition.of("has space", List.of())).isInstanceOfSatisfying(VeriSimException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEMANTIC));
  }
}
