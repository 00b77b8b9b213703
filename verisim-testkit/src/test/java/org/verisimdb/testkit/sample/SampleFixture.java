package org.verisimdb.testkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.value.Value;
import org.verisimdb.model.write.OctadInput;

/**
 * One 5,000-octad sample set, generated once per test JVM and shared by the sample tests, with
 * the accessors they use to read it.
 */
final class SampleFixture {
  static final long SEED = 42;
  static final int SIZE = 5_000;
  static final Set<Modality> USER_MODALITIES = EnumSet.of(
      Modality.GRAPH, Modality.VECTOR, Modality.TENSOR, Modality.SEMANTIC, Modality.DOCUMENT, Modality.SPATIAL);

  static final SampleGenerator GENERATOR = new SampleGenerator(SEED, SIZE);
  static final List<OctadInput> OCTADS = GENERATOR.stream().toList();
  static final Map<OctadId, Integer> INDEX_BY_ID = new HashMap<>();

  static {
    for (int i = 0; i < SIZE; i++) {
      INDEX_BY_ID.put(GENERATOR.idOf(i), i);
    }
  }

  private SampleFixture() {}

  static OctadInput octad(Kind kind, int ordinal) {
    return OCTADS.get(GENERATOR.indexOf(kind, ordinal));
  }

  static OctadInput octad(OctadId id) {
    return OCTADS.get(INDEX_BY_ID.get(id));
  }

  /** The ordinal of the place an octad stands at: itself for a place, else its location edge. */
  static int linkedPlace(OctadInput octad) {
    int index = INDEX_BY_ID.get(octad.id());
    String predicate = switch (GENERATOR.kindOf(index)) {
      case PLACE -> null;
      case PERSON -> "BASED_IN";
      case EVENT -> "HELD_IN";
      case PAPER, ORGANISATION, DATASET -> "LOCATED_IN";
    };
    if (predicate == null) {
      return GENERATOR.ordinalOf(index);
    }
    List<OctadId> places = targets(octad, predicate);
    assertThat(places).as("%s of %s", predicate, octad.id()).hasSize(1);
    return GENERATOR.ordinalOf(INDEX_BY_ID.get(places.getFirst()));
  }

  static List<OctadId> targets(OctadInput octad, String predicate) {
    return graph(octad).edges().stream()
        .filter(e -> e.predicate().equals(predicate))
        .map(e -> ((Edge.EdgeTarget.Node) e.target()).id())
        .toList();
  }

  static GraphFacet graph(OctadInput octad) {
    return (GraphFacet) octad.facets().get(Modality.GRAPH);
  }

  static DocumentFacet document(OctadInput octad) {
    return (DocumentFacet) octad.facets().get(Modality.DOCUMENT);
  }

  static SpatialFacet spatial(OctadInput octad) {
    return (SpatialFacet) octad.facets().get(Modality.SPATIAL);
  }

  static String text(Value value) {
    return ((Value.Str) value).value();
  }

  static double number(Value value) {
    return ((Value.Int) value).value();
  }

}
