package org.verisimdb.engine.query.row;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verisimdb.index.graph.InEdge;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Value;

class GraphFieldsTest {
  private static final Octad OCTAD = Station.with(GraphFacet.of(
      Edge.to("PART_OF", "network-7"),
      Edge.literal("serial", org.verisimdb.model.value.Value.of(420017)),
      Edge.to("CALIBRATED_BY", "lab-3"),
      Edge.to("PART_OF", "array-2"),
      Edge.literal("named", new org.verisimdb.model.value.Value.LangStr("Tidevannsmåler 42", "nb"))));
  // Given out of order, with one source reaching the octad twice.
  private static final Incoming INCOMING = target -> List.of(
      new InEdge(OctadId.of("z-report"), "CITES"),
      new InEdge(OctadId.of("network-7"), "HAS_PART"),
      new InEdge(OctadId.of("a-report"), "CITES"),
      new InEdge(OctadId.of("network-7"), "CITES"));

  private static String field(String name) {
    return ValueText.of(new OctadRow(OCTAD.id(), OCTAD, INCOMING).field(Modality.GRAPH, List.of(name)));
  }

  @Test
  void edgesAreSortedByPredicateThenTargetAndLiteralsShowTheirValue() {
    assertThat(field("edges")).isEqualTo("[{\"predicate\":\"CALIBRATED_BY\",\"target\":\"lab-3\"},"
        + "{\"predicate\":\"PART_OF\",\"target\":\"array-2\"},"
        + "{\"predicate\":\"PART_OF\",\"target\":\"network-7\"},"
        + "{\"predicate\":\"named\",\"literal\":{\"@value\":\"Tidevannsmåler 42\",\"@language\":\"nb\"}},"
        + "{\"predicate\":\"serial\",\"literal\":420017}]");
  }

  @Test
  void edgeToListsOctadTargetsOnly() {
    assertThat(field("edge_to")).isEqualTo("[\"lab-3\",\"array-2\",\"network-7\"]");
  }

  @Test
  void predicatesAreDistinctAndSorted() {
    assertThat(field("predicates")).isEqualTo("[\"CALIBRATED_BY\",\"PART_OF\",\"named\",\"serial\"]");
  }

  @Test
  void outDegreeCountsEveryOutgoingEdgeAndInDegreeEveryIncomingOne() {
    assertThat(field("out_degree")).isEqualTo("5");
    assertThat(field("in_degree")).isEqualTo("4");
  }

  @Test
  void edgeFromListsSourcesByPredicateThenSource() {
    assertThat(field("edge_from")).isEqualTo("[\"a-report\",\"network-7\",\"z-report\",\"network-7\"]");
  }

  @Test
  void incomingEdgesCountWithoutOutgoingOnes() {
    Octad octad = Station.without(org.verisimdb.model.Modality.GRAPH);
    OctadRow row = new OctadRow(octad.id(), octad, INCOMING);
    assertThat(row.has(Modality.GRAPH)).isFalse();
    assertThat(row.field(Modality.GRAPH, List.of("in_degree"))).isEqualTo(new Value.Int(4));
    assertThat(row.field(Modality.GRAPH, List.of("out_degree"))).isEqualTo(new Value.Int(0));
    assertThat(ValueText.of(row.field(Modality.GRAPH, List.of("edge_from")))).startsWith("[\"a-report\"");
    assertThat(row.modality(Modality.GRAPH)).isEqualTo(Value.NULL);
  }

  @Test
  void theModalityObjectHasEdgesAndBothDegrees() {
    OctadRow row = new OctadRow(OCTAD.id(), OCTAD, INCOMING);
    Value.Obj graph = (Value.Obj) row.modality(Modality.GRAPH);
    assertThat(graph.members().keySet()).containsExactly("edges", "out_degree", "in_degree");
    assertThat(graph.get("in_degree")).isEqualTo(new Value.Int(4));
    assertThat(graph.get("edges")).isEqualTo(row.field(Modality.GRAPH, List.of("edges")));
  }
}
