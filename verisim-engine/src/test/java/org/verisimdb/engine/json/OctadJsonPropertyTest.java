package org.verisimdb.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.Timestamps;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.ProofType;
import org.verisimdb.model.facet.Seal;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.StoredProof;
import org.verisimdb.model.value.Value;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.testkit.arbitrary.OctadArbitraries;

/**
 * Random valid octads, as the database stores them, survive the JSON form: reading the JSON gives
 * the octad back, and writing is stable (the same bytes every time, also after a round trip).
 */
class OctadJsonPropertyTest {
  static final int DIMENSION = 8;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final double TWO_63 = 0x1p63;

  @Provide
  Arbitrary<OctadInput> inputs() {
    return OctadArbitraries.inputs(DIMENSION);
  }

  @Property(tries = 200)
  void createdOctadsRoundTrip(@ForAll("inputs") OctadInput input) throws Exception {
    try (Database db = open()) {
      Octad created = db.create(input);
      assertRoundTrip(created);
      assertRoundTrip(db.get(created.id()).orElseThrow());
    }
  }

  @Property(tries = 100)
  void updatedDeletedAndRecreatedOctadsRoundTrip(@ForAll("inputs") OctadInput first, @ForAll("inputs") OctadInput second,
      @ForAll("inputs") OctadInput third) throws Exception {
    try (Database db = open()) {
      Octad created = db.create(first);
      OctadPatch.Builder patch = OctadPatch.builder().temporal(second.temporal());
      for (Modality m : Modality.values()) {
        Facet next = second.facets().get(m);
        if (next != null) {
          patch.replace(next);
        } else if (m.userWritable() && created.has(m)) {
          patch.remove(m);
        }
      }
      second.provenance().forEach(patch::provenance);
      assertRoundTrip(db.update(created.id(), patch.build()));
      db.delete(created.id());
      Octad recreated = db.create(new OctadInput(created.id(), third.facets(), third.temporal(), third.provenance()));
      assertThat(recreated.version()).isEqualTo(4);
      assertThat(recreated.temporal().versions()).anyMatch(v -> v.isDeletion());
      assertRoundTrip(recreated);
    }
  }

  @Property(tries = 100)
  void storedProofsAndSealsRoundTrip(@ForAll("inputs") OctadInput input, @ForAll("proofs") List<StoredProof> proofs,
      @ForAll("seals") List<Seal> seals) throws Exception {
    try (Database db = open()) {
      Octad created = db.create(input);
      SemanticFacet base = created.semantic().orElse(null);
      Map<Modality, Facet> facets = new EnumMap<>(created.facets());
      facets.put(Modality.SEMANTIC, new SemanticFacet(base == null ? List.of() : base.types(), base == null ? null : base.properties(),
          proofs, seals));
      assertRoundTrip(new Octad(created.id(), facets));
    }
  }

  @Provide
  Arbitrary<List<StoredProof>> proofs() {
    Arbitrary<StoredProof> proof = Combinators.combine(Arbitraries.of(ProofType.class), OctadArbitraries.text(40).injectNull(0.3),
        Arbitraries.of("notary-1", "ingest bot", "https://issuer.example/keys/7"), Arbitraries.of("k1", "key 2").injectNull(0.3),
        instants(), hashes().injectNull(0.3), cbor()).as(StoredProof::new);
    return proof.list().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<Seal>> seals() {
    Arbitrary<Seal> seal = Combinators.combine(Arbitraries.of("harbour-authority", "Ωμέγα notary"),
        Arbitraries.of("ha-7", "k/9").injectNull(0.3), Arbitraries.of(Seal.Level.class), hashes(), instants(),
        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(80)).as(Seal::new);
    return seal.list().ofMaxSize(3);
  }

  private static Arbitrary<Instant> instants() {
    return Combinators.combine(Arbitraries.longs().between(Timestamps.MIN.getEpochSecond(), Timestamps.MAX.getEpochSecond()),
        Arbitraries.integers().between(0, 999_999)).as((seconds, micros) -> Instant.ofEpochSecond(seconds, micros * 1000L));
  }

  private static Arbitrary<String> hashes() {
    return Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
  }

  /** Well-formed CBOR: a byte string of random content, or a small fixed map. */
  private static Arbitrary<byte[]> cbor() {
    Arbitrary<byte[]> byteStrings = Arbitraries.bytes().array(byte[].class).ofMaxSize(60).map(content -> {
      int header = content.length < 24 ? 1 : 2;
      byte[] item = new byte[header + content.length];
      if (header == 1) {
        item[0] = (byte) (0x40 | content.length);
      } else {
        item[0] = 0x58;
        item[1] = (byte) content.length;
      }
      System.arraycopy(content, 0, item, header, content.length);
      return item;
    });
    return Arbitraries.oneOf(byteStrings, Arbitraries.just(new byte[] {(byte) 0xa1, 0x61, 0x76, 0x01}));
  }

  static void assertRoundTrip(Octad octad) throws Exception {
    String json = OctadJson.toJson(octad);
    assertThat(OctadJson.toJson(octad)).as("the same octad gives the same bytes").isEqualTo(json);
    Octad read = OctadJson.read(json);
    assertThat(read).isEqualTo(jsonForm(octad));
    assertThat(OctadJson.toJson(read)).as("writing what was read gives the same bytes").isEqualTo(json);
    assertThat(OctadJson.read(MAPPER.readTree(json))).isEqualTo(read);
    octad.provenance().ifPresent(p -> assertThat(read.provenance().orElseThrow().verify()).isEqualTo(p.verify()));
  }

  /**
   * The octad as its JSON form can express it: the one loss is that an integral {@code Value.Real}
   * is written as an integer and reads back as {@code Value.Int} (see {@link OctadJson}).
   */
  static Octad jsonForm(Octad octad) {
    Map<Modality, Facet> facets = new EnumMap<>(Modality.class);
    octad.facets().forEach((m, facet) -> facets.put(m, switch (facet) {
      case GraphFacet g -> new GraphFacet(g.edges().stream().map(e -> e.target() instanceof Edge.EdgeTarget.Literal(Value v)
          ? Edge.literal(e.predicate(), jsonForm(v)) : e).toList());
      case SemanticFacet s -> new SemanticFacet(s.types(), jsonForm(s.properties()), s.proofs(), s.seals());
      case DocumentFacet d -> new DocumentFacet(jsonForm(d.fields()));
      case SpatialFacet s -> new SpatialFacet(s.lat(), s.lon(), s.alt(), s.srid(), s.geometry(), jsonForm(s.properties()));
      default -> facet;
    }));
    return new Octad(octad.id(), facets);
  }

  private static SortedMap<String, Value> jsonForm(Map<String, Value> values) {
    TreeMap<String, Value> out = new TreeMap<>();
    values.forEach((k, v) -> out.put(k, jsonForm(v)));
    return out;
  }

  static Value jsonForm(Value value) {
    return switch (value) {
      // The rule of CanonicalJson.number: integral doubles in the long range are written as integers.
      case Value.Real(double d) when d == Math.rint(d) && d >= -TWO_63 && d < TWO_63 -> Value.of((long) d);
      case Value.Seq(List<Value> items) -> {
        List<Value> out = new ArrayList<>(items.size());
        items.forEach(item -> out.add(jsonForm(item)));
        yield new Value.Seq(out);
      }
      default -> value;
    };
  }

  private static Database open() {
    return VeriSimDB.openInMemory(DatabaseConfig.defaults().withVectorDimension(DIMENSION));
  }
}
