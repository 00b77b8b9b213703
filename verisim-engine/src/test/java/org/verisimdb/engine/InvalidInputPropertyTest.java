package org.verisimdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.model.write.ProvenanceEvent;
import org.verisimdb.model.write.TemporalInput;
import org.verisimdb.testkit.arbitrary.OctadArbitraries;

/**
 * Random invalid writes, each breaking one rule of an otherwise valid database state, must fail
 * with the error code of that rule and leave every octad, count and version as it was.
 */
class InvalidInputPropertyTest {
  static final int DIMENSION = 4;

  /** One way to break a write: what it does, and the code it must fail with. */
  record Breakage(String name, ErrorCode expected, Consumer<Database> write) {
    @Override
    public String toString() {
      return name;
    }
  }

  @Provide
  Arbitrary<Breakage> breakages() {
    Arbitrary<OctadId> existing = Arbitraries.of("seed-0", "seed-1", "seed-2").map(OctadId::of);
    Arbitrary<Double> badLatitude = Arbitraries.oneOf(Arbitraries.doubles().between(90.0001, 1e6).ofScale(4), Arbitraries.doubles().between(-1e6, -90.0001).ofScale(4),
        Arbitraries.of(Double.NaN));
    Arbitrary<Integer> wrongDimension = Arbitraries.integers().between(1, 20).filter(d -> d != DIMENSION);
    Arbitrary<String> badId = Arbitraries.of("has space", "", "x".repeat(129), "slash/id", "é");
    Arbitrary<String> badName = Arbitraries.of("1st", "with space", "dash-ed", "", ".dot");
    return Arbitraries.oneOf(
        wrongDimension.map(d -> new Breakage("vector of " + d, ErrorCode.VECTOR_DIMENSION_MISMATCH,
            db -> db.create(OctadInput.builder().with(new VectorFacet(new float[d], null)).build()))),
        Arbitraries.integers().between(0, DIMENSION - 1).map(i -> new Breakage("NaN at " + i, ErrorCode.INVALID_VECTOR, db -> {
          float[] v = new float[DIMENSION];
          v[i] = Float.NaN;
          db.create(OctadInput.builder().with(new VectorFacet(v, null)).build());
        })),
        Arbitraries.integers().between(0, 10).map(n -> new Breakage("tensor [2,2] with " + n, ErrorCode.INVALID_TENSOR,
            db -> db.create(OctadInput.builder().with(TensorFacet.ofInts(new int[] {2, 2}, new int[n == 4 ? 5 : n])).build()))),
        badLatitude.map(lat -> new Breakage("lat " + lat, ErrorCode.INVALID_COORDINATE,
            db -> db.create(OctadInput.builder().with(SpatialFacet.point(lat, 0)).build()))),
        Arbitraries.of("POLYGON((0 0, 1 1))", "POINT EMPTY", "CIRCLE(1 2)", "POINT(1)").map(wkt -> new Breakage("wkt " + wkt,
            ErrorCode.INVALID_GEOMETRY, db -> db.create(OctadInput.builder().with(SpatialFacet.ofWkt(wkt)).build()))),
        badId.map(id -> new Breakage("id '" + id + "'", ErrorCode.INVALID_ID, db -> db.create(OctadInput.builder().id(id).build()))),
        badName.map(n -> new Breakage("field '" + n + "'", ErrorCode.INVALID_DOCUMENT,
            db -> db.create(OctadInput.builder().with(DocumentFacet.of(Map.of(n, "x"))).build()))),
        badName.map(n -> new Breakage("predicate '" + n + "'", ErrorCode.INVALID_GRAPH,
            db -> db.create(OctadInput.builder().with(GraphFacet.of(Edge.to(n, "t"))).build()))),
        Arbitraries.of("has space", "<angle>", "").map(t -> new Breakage("type '" + t + "'", ErrorCode.INVALID_SEMANTIC,
            db -> db.create(OctadInput.builder().with(SemanticFacet.of(List.of(t), null)).build()))),
        Arbitraries.of("Imported", "9lives", "with space").map(e -> new Breakage("event '" + e + "'", ErrorCode.INVALID_PROVENANCE,
            db -> db.create(OctadInput.builder().provenance(ProvenanceEvent.of(e, null, null)).build()))),
        Arbitraries.of("two\nlines", " ").map(l -> new Breakage("label '" + l + "'", ErrorCode.INVALID_TEMPORAL,
            db -> db.create(OctadInput.builder().temporal(TemporalInput.label(l)).build()))),
        existing.map(id -> new Breakage("duplicate " + id, ErrorCode.OCTAD_ALREADY_EXISTS,
            db -> db.create(OctadInput.builder().id(id).with(DocumentFacet.of("dup", null)).build()))),
        OctadArbitraries.ids().filter(id -> !id.value().startsWith("seed-")).map(id -> new Breakage("update missing " + id,
            ErrorCode.OCTAD_NOT_FOUND, db -> db.update(id, OctadPatch.builder().set(Modality.DOCUMENT, "x", 1).build()))),
        Combinators.combine(existing, badLatitude.filter(Double::isFinite)).as((id, lat) -> new Breakage("set lat " + lat + " on " + id,
            ErrorCode.INVALID_COORDINATE,
            db -> db.update(id, OctadPatch.builder().set(Modality.DOCUMENT, "ok", 1).set(Modality.SPATIAL, "lat", lat).build()))),
        // A non-finite number is not a storable value at all, whichever field it is meant for.
        existing.map(id -> new Breakage("set lat NaN on " + id, ErrorCode.INVALID_VALUE,
            db -> db.update(id, OctadPatch.builder().set(Modality.SPATIAL, "lat", Double.NaN).build()))),
        existing.map(id -> new Breakage("numeric title on " + id, ErrorCode.INVALID_DOCUMENT,
            db -> db.update(id, OctadPatch.builder().set(Modality.DOCUMENT, "title", 5).build()))),
        Combinators.combine(existing, Arbitraries.longs().between(2, 99)).as((id, v) -> new Breakage("expect version " + v + " of " + id,
            ErrorCode.VERSION_CONFLICT, db -> db.update(id, OctadPatch.builder().expectVersion(v).set(Modality.DOCUMENT, "x", 1).build()))),
        existing.map(id -> new Breakage("embedding of 2 on " + id, ErrorCode.VECTOR_DIMENSION_MISMATCH,
            db -> db.update(id, OctadPatch.builder().set(Modality.VECTOR, "embedding", List.of(1.0, 2.0)).build()))),
        existing.map(id -> new Breakage("tensor field on " + id, ErrorCode.FIELD_NOT_WRITABLE,
            db -> db.update(id, OctadPatch.builder().set(Modality.TENSOR, "shape", List.of(1)).build()))),
        existing.map(id -> new Breakage("oversized title on " + id, ErrorCode.LIMIT_EXCEEDED,
            db -> db.update(id, OctadPatch.builder().set(Modality.DOCUMENT, "title", "x".repeat((1 << 20) + 1)).build()))));
  }

  @Property(tries = 400)
  void invalidWritesFailWithTheirCodeAndChangeNothing(@ForAll("breakages") Breakage breakage) {
    try (Database db = VeriSimDB.openInMemory(DatabaseConfig.defaults().withVectorDimension(DIMENSION))) {
      for (int i = 0; i < 3; i++) {
        db.create(OctadInput.builder().id("seed-" + i).with(DocumentFacet.of("Seed " + i, "body")).with(SpatialFacet.point(i, i))
            .with(new VectorFacet(new float[] {1, 0, 0, i}, null)).build());
      }
      List<Octad> before = everything(db);
      DatabaseStats statsBefore = db.stats();

      assertThatThrownBy(() -> breakage.write().accept(db)).as(breakage.name())
          .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.code()).as(e.toString()).isEqualTo(breakage.expected()));

      assertThat(everything(db)).isEqualTo(before);
      assertThat(db.stats()).isEqualTo(statsBefore);
    }
  }

  private static List<Octad> everything(Database db) {
    List<Octad> all = new ArrayList<>();
    String cursor = null;
    do {
      Page<Octad> page = db.list(cursor, 100);
      all.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    return all;
  }
}
