package org.verisimdb.index.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.lucene.IndexChange;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.lucene.OctadIndex;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.ProofType;
import org.verisimdb.model.facet.Seal;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.StoredProof;
import org.verisimdb.model.value.Value;

class SemanticSearchTest {
  private final OctadIndex index = OctadIndex.open(null, IndexSettings.defaults());
  private long lsn;

  @AfterEach
  void close() {
    index.close();
  }

  private void put(Octad... octads) {
    index.apply(++lsn, Arrays.stream(octads).map(IndexChange::of).toList());
  }

  private List<String> ids(Query q) {
    try (IndexView v = index.view()) {
      return Arrays.stream(v.searcher().search(q, 10_000).scoreDocs).map(d -> v.idOf(d.doc).value()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Octad octad(String id, List<String> types, Map<String, Value> props) {
    return Octads.of(id, SemanticFacet.of(types, props));
  }

  @Test
  void typesMatchWithTheirSubtypes() {
    TypeHierarchy h = TypeHierarchy.of(List.of(TypeDefinition.of("Agent", List.of()), TypeDefinition.of("Person", List.of("Agent")),
        TypeDefinition.of("Student", List.of("Person")), TypeDefinition.of("Robot", List.of("Agent"))), ContractRegistry.empty());
    put(octad("ann", List.of("Student"), Map.of()), octad("bob", List.of("Person"), Map.of()),
        octad("r2", List.of("Robot", "https://schema.org/Thing"), Map.of()), octad("x", List.of("Other"), Map.of()));
    assertThat(ids(SemanticSearch.ofType("Agent", h))).containsExactly("ann", "bob", "r2");
    assertThat(ids(SemanticSearch.ofType("Person", h))).containsExactly("ann", "bob");
    assertThat(ids(SemanticSearch.ofType("Student", h))).containsExactly("ann");
    assertThat(ids(SemanticSearch.ofType("Other", h))).containsExactly("x");
    assertThat(ids(SemanticSearch.ofType("https://schema.org/Thing", h))).containsExactly("r2");
    assertThat(ids(SemanticSearch.declaresType("Agent"))).isEmpty();
    // a deleted octad drops out, and a replaced one is found by its new types only
    index.apply(++lsn, List.of(IndexChange.deleted(OctadId.of("bob"))));
    put(octad("ann", List.of("Robot"), Map.of()));
    assertThat(ids(SemanticSearch.ofType("Person", h))).isEmpty();
    assertThat(ids(SemanticSearch.ofType("Agent", h))).containsExactly("ann", "r2");
  }

  @Test
  void propertiesAreFoundByKindOfValue() {
    String longText = "é".repeat(5000);
    Map<String, Value> a = new TreeMap<>(Map.of("name", new Value.LangStr("Oslo", "nb"), "code", Value.of("OSL"), "pop", Value.of(700_000),
        "area", Value.of(454.0), "capital", Value.of(true), "founded", new Value.Typed("1048", "xsd:gYear"),
        "mayor", new Value.Ref(OctadId.of("p-1")), "tags", Value.from(List.of("fjord", 3, List.of("nested"))), "notes", Value.of(longText)));
    Map<String, Value> b = new TreeMap<>(Map.of("name", Value.of("Oslo"), "code", Value.of("osl"), "pop", Value.of(2.5),
        "capital", Value.of(false), "area", Value.of(-0.0)));
    put(octad("a", List.of("City"), a), octad("b", List.of("City"), b));
    assertThat(ids(SemanticSearch.propertyEquals("name", Value.of("Oslo")))).containsExactly("a", "b");
    assertThat(ids(SemanticSearch.propertyEquals("name", new Value.LangStr("Oslo", "NB")))).containsExactly("a");
    assertThat(ids(SemanticSearch.propertyEquals("name", new Value.LangStr("Oslo", "en")))).isEmpty();
    assertThat(ids(SemanticSearch.propertyInLanguage("name", "nb"))).containsExactly("a");
    assertThat(ids(SemanticSearch.propertyEquals("code", Value.of("OSL")))).containsExactly("a");
    assertThat(ids(SemanticSearch.propertyEquals("pop", Value.of(700_000.0)))).containsExactly("a");
    assertThat(ids(SemanticSearch.propertyRange("pop", Value.of(2), true, Value.of(3), false))).containsExactly("b");
    assertThat(ids(SemanticSearch.propertyRange("pop", Value.of(2.5), false, null, true))).containsExactly("a");
    assertThat(ids(SemanticSearch.propertyEquals("area", Value.of(0)))).containsExactly("b");
    assertThat(ids(SemanticSearch.propertyEquals("capital", Value.of(true)))).containsExactly("a");
    assertThat(ids(SemanticSearch.propertyEquals("capital", Value.of("true")))).isEmpty();
    assertThat(ids(SemanticSearch.propertyEquals("founded", new Value.Typed("1048", "xsd:gYear")))).containsExactly("a");
    assertThat(ids(SemanticSearch.propertyEquals("founded", Value.of("1048")))).isEmpty();
    assertThat(ids(SemanticSearch.propertyEquals("mayor", new Value.Ref(OctadId.of("p-1"))))).containsExactly("a");
    assertThat(ids(SemanticSearch.propertyEquals("tags", Value.of("fjord")))).containsExactly("a");
    assertThat(ids(SemanticSearch.propertyEquals("tags", Value.of("nested")))).containsExactly("a");
    assertThat(ids(SemanticSearch.propertyEquals("tags", Value.of(3)))).containsExactly("a");
    assertThat(ids(SemanticSearch.propertyEquals("notes", Value.of(longText)))).containsExactly("a");
    assertThat(ids(SemanticSearch.propertyEquals("notes", Value.of(longText + "!")))).isEmpty();
    assertThat(ids(SemanticSearch.hasProperty("mayor"))).containsExactly("a");
    // numbers under one key never match another key
    assertThat(ids(SemanticSearch.propertyRange("popx", null, true, null, true))).isEmpty();
  }

  @Test
  void badSearchesAreInvalidSearch() {
    for (org.assertj.core.api.ThrowableAssert.ThrowingCallable call : List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
        () -> SemanticSearch.propertyEquals("bad key", Value.of(1)),
        () -> SemanticSearch.propertyEquals("k", null),
        () -> SemanticSearch.propertyEquals("k", Value.from(List.of(1))),
        () -> SemanticSearch.propertyRange("k", Value.of("a"), true, null, true),
        () -> SemanticSearch.propertyInLanguage("k", ""),
        () -> SemanticSearch.declaresType(""),
        () -> SemanticSearch.withProof(null))) {
      assertThatThrownBy(call).isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SEARCH));
    }
  }

  @Test
  void proofsAndSealsAreFoundByTypeAndVerifier() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    StoredProof proof = new StoredProof(ProofType.CITATION, "cites p-2", "alice", "k1", t, null, ProofBlobTest.encodeClaim("cites p-2", t));
    Seal seal = new Seal("bob", null, Seal.Level.HIGH, "a".repeat(64), t, new byte[] {1, 2, 3});
    put(Octads.of("p", new SemanticFacet(List.of(), null, List.of(proof), List.of(seal))));
    assertThat(ids(SemanticSearch.withProof(ProofType.CITATION))).containsExactly("p");
    assertThat(ids(SemanticSearch.withProof(ProofType.ZKP))).isEmpty();
    assertThat(ids(SemanticSearch.verifiedBy("alice"))).containsExactly("p");
    assertThat(ids(SemanticSearch.verifiedBy("bob"))).containsExactly("p");
  }

  /** Integers and floats near the edges of exactness, against ranges with every kind of bound. */
  @Test
  void numericRangesAreExactAcrossIntegersAndFloats() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    List<Value> numbers = new ArrayList<>();
    List<Octad> octads = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      Value v = number(random);
      numbers.add(v);
      octads.add(octad("n" + i, List.of(), Map.of("x", v)));
    }
    put(octads.toArray(Octad[]::new));
    for (int q = 0; q < 150; q++) {
      Value min = random.nextInt(6) == 0 ? null : random.nextInt(3) == 0 ? numbers.get(random.nextInt(numbers.size())) : number(random);
      Value max = random.nextInt(6) == 0 ? null : random.nextInt(3) == 0 ? numbers.get(random.nextInt(numbers.size())) : number(random);
      boolean minIn = random.nextBoolean();
      boolean maxIn = random.nextBoolean();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < numbers.size(); i++) {
        Value v = numbers.get(i);
        int lo = min == null ? 1 : Numbers.compare(v, min);
        int hi = max == null ? -1 : Numbers.compare(v, max);
        if ((lo > 0 || (lo == 0 && minIn)) && (hi < 0 || (hi == 0 && maxIn))) {
          expected.add("n" + i);
        }
      }
      assertThat(ids(SemanticSearch.propertyRange("x", min, minIn, max, maxIn)))
          .as("seed=%d %s%s, %s%s", seed, minIn ? "[" : "(", min, max, maxIn ? "]" : ")")
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private static Value number(Random random) {
    long big = (1L << 53) + random.nextInt(5) - 2;
    return switch (random.nextInt(10)) {
      case 0 -> Value.of(big * (random.nextBoolean() ? 1 : -1));
      case 1 -> Value.of((double) big);
      case 2 -> Value.of(random.nextBoolean() ? Long.MAX_VALUE - random.nextInt(3) : Long.MIN_VALUE + random.nextInt(3));
      case 3 -> Value.of(random.nextBoolean() ? 0x1p63 : -0x1p63);
      case 4 -> Value.of(random.nextBoolean() ? 0.0 : -0.0);
      case 5 -> Value.of(random.nextInt(7) - 3 + (random.nextBoolean() ? 0.5 : 0.0));
      case 6 -> Value.of(Math.nextUp((double) (random.nextInt(5) - 2)));
      case 7 -> Value.of(random.nextBoolean() ? Double.MAX_VALUE : Double.MIN_VALUE);
      default -> Value.of(random.nextInt(7) - 3);
    };
  }
}
