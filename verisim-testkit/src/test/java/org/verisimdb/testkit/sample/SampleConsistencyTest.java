package org.verisimdb.testkit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verisimdb.testkit.sample.SampleFixture.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.value.Value;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.ProvenanceEvent;
import org.verisimdb.testkit.sample.Cities.City;

/** Cross-modal consistency of the sample set: what the text, graph, place, vector, tensor and semantic views say agrees. */
class SampleConsistencyTest {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  // ---- modalities

  @Test
  void everyOctadHasAllUserModalitiesAVersionLabelAndProvenance() {
    for (OctadInput octad : OCTADS) {
      assertThat(octad.facets().keySet()).as("%s", octad.id()).isEqualTo(USER_MODALITIES);
      Instant validFrom = octad.temporal().validFrom();
      assertThat(validFrom).as("%s", octad.id()).isBetween(World.START, World.END);
      assertThat(validFrom.getNano()).isZero();
      assertThat(octad.temporal().label()).isEqualTo("imported");
      assertThat(octad.temporal().message()).isEqualTo("loaded from the sample set");
      assertThat(octad.provenance()).isNotEmpty();
      ProvenanceEvent first = octad.provenance().getFirst();
      Kind kind = GENERATOR.kindOf(INDEX_BY_ID.get(octad.id()));
      assertThat(first).isEqualTo(new ProvenanceEvent("imported", "sample-loader", "verisim-sample/" + kind.idPrefix(),
          "generated sample " + kind.idPrefix()));
    }
  }

  @Test
  void reviewersArePeopleOfTheSet() {
    Set<String> names = new HashSet<>();
    for (int p = 0; p < GENERATOR.count(Kind.PERSON); p++) {
      names.add(document(OCTADS.get(GENERATOR.indexOf(Kind.PERSON, p))).title());
    }
    int reviewed = 0;
    for (OctadInput octad : OCTADS) {
      for (ProvenanceEvent event : octad.provenance().subList(1, octad.provenance().size())) {
        assertThat(event.eventType()).isEqualTo("reviewed");
        assertThat(names).contains(event.actor());
        reviewed++;
      }
    }
    assertThat(reviewed).isBetween(SIZE / 5, SIZE / 2);
  }

  @Test
  void textMentionsTheLinkedPlaceByName() {
    for (OctadInput octad : OCTADS) {
      int place = linkedPlace(octad);
      String name = document(OCTADS.get(GENERATOR.indexOf(Kind.PLACE, place))).title();
      assertThat(document(octad).body()).as("body of %s", octad.id()).contains(name);
    }
  }

  @Test
  void paperBodiesNameEveryAuthor() {
    for (int p = 0; p < GENERATOR.count(Kind.PAPER); p++) {
      OctadInput paper = OCTADS.get(GENERATOR.indexOf(Kind.PAPER, p));
      List<OctadId> authors = targets(paper, "AUTHORED_BY");
      assertThat(authors).as("authors of %s", paper.id()).hasSizeBetween(1, 4);
      for (OctadId author : authors) {
        String name = document(OCTADS.get(INDEX_BY_ID.get(author))).title();
        assertThat(document(paper).body()).as("body of %s", paper.id()).contains(name);
      }
    }
  }

  @Test
  void pointsLieWithinTenKilometresOfTheLinkedPlacesCity() {
    for (OctadInput octad : OCTADS) {
      City city = World.city(linkedPlace(octad));
      SpatialFacet spatial = spatial(octad);
      double km = Cities.distanceKm(spatial.lat(), spatial.lon(), city.lat(), city.lon());
      assertThat(km).as("%s from %s", octad.id(), city.name()).isLessThanOrEqualTo(10.0);
    }
  }

  @Test
  void placesUsePointsAltitudesAndClosedPolygons() {
    Set<String> shapes = new HashSet<>();
    for (int p = 0; p < GENERATOR.count(Kind.PLACE); p++) {
      SpatialFacet spatial = spatial(OCTADS.get(GENERATOR.indexOf(Kind.PLACE, p)));
      shapes.add(spatial.geometryType() + (spatial.alt() == null ? "" : "+alt"));
      if (spatial.wkt().startsWith("POLYGON")) {
        assertThat(spatial.geometry().positions().getFirst()).isEqualTo(spatial.geometry().positions().getLast());
      }
    }
    assertThat(shapes).contains("POINT", "POINT+alt", "POLYGON");
  }

  @Test
  void citationsPointOnlyToOlderPapers() {
    int citations = 0;
    for (int p = 0; p < GENERATOR.count(Kind.PAPER); p++) {
      OctadInput paper = OCTADS.get(GENERATOR.indexOf(Kind.PAPER, p));
      LocalDate published = LocalDate.parse(text(document(paper).field("published")));
      for (OctadId cited : targets(paper, "CITES")) {
        int index = INDEX_BY_ID.get(cited);
        assertThat(GENERATOR.kindOf(index)).isEqualTo(Kind.PAPER);
        assertThat(GENERATOR.ordinalOf(index)).as("%s cites %s", paper.id(), cited).isLessThan(p);
        assertThat(LocalDate.parse(text(document(OCTADS.get(index)).field("published")))).isBeforeOrEqualTo(published);
        citations++;
      }
    }
    assertThat(citations).isGreaterThan(GENERATOR.count(Kind.PAPER));
  }

  @Test
  void eventsFeatureOnlyPapersPublishedBeforeThey() {
    for (int e = 0; e < GENERATOR.count(Kind.EVENT); e++) {
      OctadInput event = OCTADS.get(GENERATOR.indexOf(Kind.EVENT, e));
      LocalDate starts = LocalDate.parse(text(document(event).field("starts")));
      for (OctadId paper : targets(event, "FEATURES")) {
        LocalDate published = LocalDate.parse(text(document(OCTADS.get(INDEX_BY_ID.get(paper))).field("published")));
        assertThat(published).as("%s features %s", event.id(), paper).isBeforeOrEqualTo(starts);
      }
    }
  }

  @Test
  void placesAreNearTheClosestOtherCityInTheSet() {
    int places = GENERATOR.count(Kind.PLACE);
    int cities = Math.min(places, Cities.size());
    for (int p = 0; p < places; p++) {
      OctadInput place = OCTADS.get(GENERATOR.indexOf(Kind.PLACE, p));
      City city = World.city(p);
      int closest = -1;
      for (int c = 0; c < cities; c++) {
        if (c != p % Cities.size() && (closest < 0 || distance(city, Cities.get(c)) < distance(city, Cities.get(closest)))) {
          closest = c;
        }
      }
      assertThat(targets(place, "NEAR")).as("near of %s", place.id()).containsExactly(World.id(Kind.PLACE, closest));
      String expectedTitle = p < Cities.size() ? city.name() : city.name() + " — site " + p / Cities.size();
      assertThat(document(place).title()).isEqualTo(expectedTitle);
    }
  }

  @Test
  void vectorsAreTheTextEmbeddingOfTitleAndBody() {
    for (OctadInput octad : OCTADS) {
      VectorFacet vector = (VectorFacet) octad.facets().get(Modality.VECTOR);
      DocumentFacet document = document(octad);
      assertThat(vector.model()).isEqualTo("verisim-text-hash-384");
      assertThat(vector.dimension()).isEqualTo(384);
      assertThat(vector.embedding()).containsExactly(TextHashEmbedding.embed(document.title() + "\n" + document.body(), 384));
      assertThat(vector.norm()).isBetween(0.999, 1.001);
    }
  }

  @Test
  void tensorsHaveTheShapeAndTypeOfTheirKind() {
    Map<Kind, String> expected = Map.of(Kind.PAPER, "int32[5]", Kind.PERSON, "float32[4, 3]", Kind.DATASET, "float64[3, 4]",
        Kind.PLACE, "float32[12]", Kind.ORGANISATION, "int64[6]", Kind.EVENT, "int32[3]");
    for (int i = 0; i < SIZE; i++) {
      TensorFacet tensor = (TensorFacet) OCTADS.get(i).facets().get(Modality.TENSOR);
      assertThat(tensor.dtype().wireName() + Arrays.toString(tensor.shape()))
          .as("%s", OCTADS.get(i).id()).isEqualTo(expected.get(GENERATOR.kindOf(i)));
      DocumentFacet document = document(OCTADS.get(i));
      double[] data = tensor.toDoubles();
      switch (GENERATOR.kindOf(i)) {
        case PAPER -> assertThat(Arrays.stream(data).sum()).isLessThanOrEqualTo(number(document.field("citations")));
        case EVENT -> assertThat(Arrays.stream(data).max().orElseThrow()).isLessThanOrEqualTo(number(document.field("attendees")));
        case PLACE -> assertThat(data).containsOnly(Arrays.stream(data).filter(t -> t >= -40 && t <= 40).toArray());
        case ORGANISATION -> assertThat(data[5]).isEqualTo(number(document.field("headcount")));
        case DATASET -> {
          for (int column = 0; column < 4; column++) {
            assertThat(data[column]).isLessThanOrEqualTo(data[4 + column]);
            assertThat(data[4 + column]).isLessThanOrEqualTo(data[8 + column]);
          }
        }
        case PERSON -> {
          for (int year = 0; year < 4; year++) {
            assertThat(data[3 * year] + data[3 * year + 1] + data[3 * year + 2]).isBetween(0.99, 1.01);
          }
        }
      }
    }
  }

  @Test
  void documentsCarryTypedFieldsPerKind() {
    Map<Kind, List<String>> fields = Map.of(
        Kind.PAPER, List.of("year:Int", "venue:Str", "citations:Int", "open_access:Bool", "published:Str"),
        Kind.PERSON, List.of("given_name:Str", "family_name:Str", "orcid:Str"),
        Kind.ORGANISATION, List.of("country:Str", "founded:Int"),
        Kind.DATASET, List.of("rows:Int", "format:Str", "license:Str"),
        Kind.PLACE, List.of("country:Str", "population:Int"),
        Kind.EVENT, List.of("starts:Str", "attendees:Int"));
    for (int i = 0; i < SIZE; i++) {
      DocumentFacet document = document(OCTADS.get(i));
      assertThat(document.body().split("\\. ")).as("sentences of %s", OCTADS.get(i).id()).hasSizeGreaterThanOrEqualTo(2);
      for (String field : fields.get(GENERATOR.kindOf(i))) {
        String[] parts = field.split(":");
        assertThat(document.field(parts[0])).as("%s.%s", OCTADS.get(i).id(), parts[0]).isNotNull();
        assertThat(document.field(parts[0]).getClass().getSimpleName()).isEqualTo(parts[1]);
      }
    }
    Pattern orcid = Pattern.compile("0000-000[12]-[0-9]{4}-[0-9]{3}[0-9X]");
    assertThat(text(document(OCTADS.get(GENERATOR.indexOf(Kind.PERSON, 3))).field("orcid"))).matches(orcid);
    assertThat(LocalDate.parse(text(document(OCTADS.get(GENERATOR.indexOf(Kind.EVENT, 3))).field("starts")))).isNotNull();
  }

  @Test
  void orcidCheckCharacterIsIso7064() {
    // ORCID's documented example: 0000-0002-1825-0097.
    String digits = "000000021825009";
    int total = 0;
    for (char c : digits.toCharArray()) {
      total = (total + c - '0') * 2;
    }
    assertThat((12 - total % 11) % 11).isEqualTo(7);
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 100; i++) {
      String orcid = People.orcid(random).replace("-", "");
      int sum = 0;
      for (char c : orcid.substring(0, 15).toCharArray()) {
        sum = (sum + c - '0') * 2;
      }
      int check = (12 - sum % 11) % 11;
      assertThat(orcid.charAt(15)).isEqualTo(check == 10 ? 'X' : (char) ('0' + check));
    }
  }

  @Test
  void semanticModalityHasSchemaTypesAndRichProperties() {
    Set<Class<?>> kinds = new HashSet<>();
    for (int i = 0; i < SIZE; i++) {
      SemanticFacet semantic = (SemanticFacet) OCTADS.get(i).facets().get(Modality.SEMANTIC);
      Kind kind = GENERATOR.kindOf(i);
      assertThat(semantic.types()).first().isEqualTo(kind.schemaType());
      if (kind == Kind.PLACE && GENERATOR.ordinalOf(i) < Cities.size()) {
        assertThat(semantic.types()).contains("https://schema.org/City");
      }
      boolean hasRef = false;
      for (Map.Entry<String, Value> property : semantic.properties().entrySet()) {
        assertThat(property.getKey()).matches(IDENTIFIER);
        kinds.add(property.getValue().getClass());
        if (property.getValue() instanceof Value.Ref(OctadId target)) {
          assertThat(INDEX_BY_ID).containsKey(target);
          hasRef = true;
        }
      }
      assertThat(hasRef).as("a reference in %s", OCTADS.get(i).id()).isTrue();
    }
    assertThat(kinds).contains(Value.Str.class, Value.Int.class, Value.Real.class, Value.LangStr.class, Value.Typed.class,
        Value.Ref.class, Value.Seq.class);
    SemanticFacet paper = (SemanticFacet) OCTADS.get(GENERATOR.indexOf(Kind.PAPER, 0)).facets().get(Modality.SEMANTIC);
    assertThat(paper.properties().get("author"))
        .isEqualTo(new Value.Ref(targets(OCTADS.get(GENERATOR.indexOf(Kind.PAPER, 0)), "AUTHORED_BY").getFirst()));
  }

  @Test
  void someOctadsHaveLiteralEdgesAndAllPredicatesAreIdentifiers() {
    int literals = 0;
    for (OctadInput octad : OCTADS) {
      for (Edge edge : graph(octad).edges()) {
        assertThat(edge.predicate()).matches(IDENTIFIER);
        if (edge.target() instanceof Edge.EdgeTarget.Literal) {
          literals++;
        }
      }
    }
    assertThat(literals).isBetween(SIZE / 10, SIZE);
  }

  private static double distance(City a, City b) {
    return Cities.distanceKm(a.lat(), a.lon(), b.lat(), b.lon());
  }
}
