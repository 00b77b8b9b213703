package org.verisimdb.testkit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.verisimdb.testkit.sample.SampleFixture.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.write.OctadInput;

/** Determinism, ids, kind layout and set sizes of the sample generator. */
class SampleGeneratorTest {
  private static final Pattern ID = Pattern.compile("(paper|person|org|dataset|place|event)-[0-9]{7}");

  // ---- determinism

  @Test
  void sameSeedAndSizeGiveEqualOctads() {
    SampleGenerator again = new SampleGenerator(SEED, SIZE);
    for (int i = SIZE - 1; i >= 0; i -= 3) {
      assertThat(again.octad(i)).as("octad %d", i).isEqualTo(OCTADS.get(i));
    }
  }

  @Test
  void randomAccessEqualsTheStreamedOctad() {
    assertThat(OCTADS).hasSize(SIZE);
    for (int i = 0; i < SIZE; i++) {
      assertThat(GENERATOR.octad(i)).as("octad %d", i).isEqualTo(OCTADS.get(i));
    }
  }

  @Test
  void octadsBuiltOnManyThreadsEqualTheSequentialOnes() throws Exception {
    int threads = 4;
    List<Future<List<OctadInput>>> parts = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("sample-test-", 0).factory())) {
      for (int t = 0; t < threads; t++) {
        int first = t;
        parts.add(pool.submit(() -> {
          List<OctadInput> built = new ArrayList<>();
          for (int i = first; i < 2_000; i += threads) {
            built.add(GENERATOR.octad(i));
          }
          return built;
        }));
      }
      for (int t = 0; t < threads; t++) {
        List<OctadInput> built = parts.get(t).get();
        for (int k = 0; k < built.size(); k++) {
          int i = t + k * threads;
          assertThat(built.get(k)).as("octad %d built on thread %d", i, t).isEqualTo(OCTADS.get(i));
        }
      }
    }
  }

  @Test
  void aDifferentSeedGivesDifferentData() {
    SampleGenerator other = new SampleGenerator(SEED + 1, SIZE);
    int differentTexts = 0;
    for (int i = 0; i < 300; i++) {
      OctadInput mine = OCTADS.get(i);
      OctadInput theirs = other.octad(i);
      assertThat(theirs.id()).isEqualTo(mine.id());
      assertThat(theirs).as("octad %d", i).isNotEqualTo(mine);
      if (!document(theirs).equals(document(mine))) {
        differentTexts++;
      }
    }
    assertThat(differentTexts).isGreaterThan(290);
  }

  // ---- ids, kinds and counts

  @Test
  void idsAreUniqueWellFormedAndMapBackToTheirIndex() {
    Set<OctadId> ids = new HashSet<>();
    for (int i = 0; i < SIZE; i++) {
      OctadId id = GENERATOR.idOf(i);
      assertThat(id.value()).matches(ID);
      assertThat(ids.add(id)).as("duplicate id %s", id).isTrue();
      assertThat(OCTADS.get(i).id()).isEqualTo(id);
      Kind kind = GENERATOR.kindOf(i);
      int ordinal = GENERATOR.ordinalOf(i);
      assertThat(id.value()).isEqualTo("%s-%07d".formatted(kind.idPrefix(), ordinal));
      assertThat(GENERATOR.indexOf(kind, ordinal)).isEqualTo(i);
    }
    assertThat(GENERATOR.idOf(GENERATOR.indexOf(Kind.PERSON, 7))).hasToString("person-0000007");
    assertThat(GENERATOR.idOf(GENERATOR.indexOf(Kind.PAPER, 42))).hasToString("paper-0000042");
  }

  @Test
  void everyNodeEdgeTargetIsAnIdOfTheSet() {
    int edges = 0;
    for (OctadInput octad : OCTADS) {
      for (OctadId target : graph(octad).targets().toList()) {
        assertThat(INDEX_BY_ID).as("target %s of %s", target, octad.id()).containsKey(target);
        edges++;
      }
    }
    assertThat(edges).isGreaterThan(3 * SIZE);
  }

  @Test
  void countsSumToSizeAndFollowTheProportions() {
    Map<Kind, Double> shares = Map.of(Kind.PAPER, 0.30, Kind.PERSON, 0.25, Kind.ORGANISATION, 0.10,
        Kind.DATASET, 0.10, Kind.PLACE, 0.10, Kind.EVENT, 0.15);
    List<Integer> sizes = new ArrayList<>(List.of(299, 300, 301, 1_000, 5_000, 123_457, 1_000_000, SampleGenerator.MAX_SIZE));
    for (int n = 1; n <= 100; n++) {
      sizes.add(n);
    }
    for (int size : sizes) {
      SampleGenerator set = new SampleGenerator(1, size);
      int total = 0;
      for (Kind kind : Kind.values()) {
        int count = set.count(kind);
        total += count;
        int perBlock = (int) Math.round(shares.get(kind) * 20);
        assertThat(count).as("%s in a set of %d", kind, size)
            .isBetween(size / 20 * perBlock, (size + 19) / 20 * perBlock);
        if (size >= 6) {
          assertThat(count).as("%s in a set of %d", kind, size).isPositive();
        }
      }
      assertThat(total).as("set of %d", size).isEqualTo(size);
    }
  }

  @Test
  void countsAgreeWithKindOf() {
    Map<Kind, Integer> seen = new HashMap<>();
    for (int i = 0; i < SIZE; i++) {
      seen.merge(GENERATOR.kindOf(i), 1, Integer::sum);
      for (Kind kind : Kind.values()) {
        int expected = seen.getOrDefault(kind, 0);
        assertThat(new SampleGenerator(SEED, i + 1).count(kind)).as("%s in a set of %d", kind, i + 1).isEqualTo(expected);
      }
    }
  }

  // ---- sizes

  @Test
  void smallSetsBuildAndLinkOnlyInsideTheSet() {
    for (int size = 1; size <= 45; size++) {
      assertClosed(new SampleGenerator(SEED, size), "size=" + size);
    }
  }

  @Test
  void randomSetsAreClosedAndReproducible() {
    long seed = Long.getLong("tests.seed", 7L);
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 5; round++) {
      long setSeed = random.nextLong();
      int size = 1 + random.nextInt(2_000);
      SampleGenerator set = new SampleGenerator(setSeed, size);
      assertClosed(set, "tests.seed=" + seed + " set seed=" + setSeed + " size=" + size);
      int index = random.nextInt(size);
      assertThat(new SampleGenerator(setSeed, size).octad(index))
          .as("tests.seed=%d octad %d of (%d, %d)", seed, index, setSeed, size).isEqualTo(set.octad(index));
    }
  }

  @Test
  void aLargeSetStreamsInBoundedMemory() {
    int size = 200_000;
    // Touch every octad: Stream.count() alone may skip the mapping of a sized stream.
    long facets = new SampleGenerator(SEED, size).stream().mapToLong(octad -> octad.facets().size()).sum();
    assertThat(facets).isEqualTo(6L * size);
  }

  @Test
  void octadsOfAHugeSetCanBeBuiltOnTheirOwn() {
    SampleGenerator huge = new SampleGenerator(SEED, SampleGenerator.MAX_SIZE);
    for (int index : new int[] {0, 1, 4_999_999, SampleGenerator.MAX_SIZE - 1}) {
      OctadInput octad = huge.octad(index);
      assertThat(octad.id()).isEqualTo(huge.idOf(index));
      for (OctadId target : graph(octad).targets().toList()) {
        assertThat(indexOf(huge, target)).isBetween(0, SampleGenerator.MAX_SIZE - 1);
      }
    }
  }

  @Test
  void sampleSetIsTheDemoSet() {
    SampleGenerator demo = SampleGenerator.sampleSet();
    assertThat(demo.size()).isEqualTo(300);
    assertThat(demo.seed()).isEqualTo(20261121L);
    Set<OctadId> ids = new HashSet<>();
    demo.stream().forEach(octad -> ids.add(octad.id()));
    assertThat(ids).hasSize(300);
    assertThat(SampleGenerator.sampleSet().octad(123)).isEqualTo(demo.octad(123));
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> new SampleGenerator(1, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    assertThatThrownBy(() -> new SampleGenerator(1, SampleGenerator.MAX_SIZE + 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GENERATOR.octad(SIZE)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("5000");
    assertThatThrownBy(() -> GENERATOR.kindOf(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> GENERATOR.indexOf(Kind.PLACE, GENERATOR.count(Kind.PLACE))).isInstanceOf(IndexOutOfBoundsException.class);
  }

  // ---- helpers

  private static void assertClosed(SampleGenerator set, String description) {
    Set<OctadId> ids = new HashSet<>();
    for (int i = 0; i < set.size(); i++) {
      ids.add(set.idOf(i));
    }
    set.stream().forEach(octad -> {
      assertThat(octad.facets().keySet()).as("%s %s", description, octad.id()).isEqualTo(USER_MODALITIES);
      for (OctadId target : graph(octad).targets().toList()) {
        assertThat(ids).as("%s: target of %s", description, octad.id()).contains(target);
      }
    });
  }

  private static int indexOf(SampleGenerator set, OctadId id) {
    String value = id.value();
    String prefix = value.substring(0, value.indexOf('-'));
    for (Kind kind : Kind.values()) {
      if (kind.idPrefix().equals(prefix)) {
        return set.indexOf(kind, Integer.parseInt(value.substring(prefix.length() + 1)));
      }
    }
    throw new AssertionError("not a sample id: " + id);
  }
}
