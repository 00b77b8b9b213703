package org.verisimdb.testkit.arbitrary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.DType;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.value.Value;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.ProvenanceEvent;
import org.verisimdb.model.write.TemporalInput;

/**
 * jqwik arbitraries for valid octads and their parts, shrinking towards small, plain data. Every
 * value they produce passes the model's validation; tests that need invalid data start from these
 * and break one rule.
 */
public final class OctadArbitraries {
  private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-";

  private OctadArbitraries() {}

  public static Arbitrary<OctadId> ids() {
    return Arbitraries.strings().withChars(ID_CHARS).ofMinLength(1).ofMaxLength(40).map(OctadId::of);
  }

  /** Identifiers usable as field names, property keys and predicates. */
  public static Arbitrary<String> names() {
    Arbitrary<String> head = Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofLength(1);
    Arbitrary<String> tail = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('_').ofMaxLength(12);
    return Combinators.combine(head, tail).as(String::concat);
  }

  /**
   * Text built from whole pieces (ASCII runs, accented and CJK letters, an emoji outside the BMP,
   * punctuation, line breaks and tabs), so surrogate pairs are never split; no control characters.
   */
  public static Arbitrary<String> text(int maxLength) {
    Arbitrary<String> ascii = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9').ofMaxLength(8);
    Arbitrary<String> pieces = Arbitraries.frequencyOf(Tuple.of(6, ascii), Tuple.of(3, Arbitraries.of(" ", ", ", ". ", "\n", "\t")),
        Tuple.of(1, Arbitraries.of("é", "€", "日本語", "😀", "\"", "'", "\\", "/", "Ωμέγα")));
    return pieces.list().ofMaxSize(Math.max(1, maxLength / 4)).map(list -> {
      String joined = String.join("", list);
      int end = Math.min(joined.length(), maxLength);
      if (end > 0 && end < joined.length() && Character.isHighSurrogate(joined.charAt(end - 1))) {
        end--;
      }
      return joined.substring(0, end);
    });
  }

  public static Arbitrary<Value> scalars() {
    return Arbitraries.oneOf(
        text(40).map(Value::of),
        Arbitraries.longs().map(Value::of),
        Arbitraries.doubles().filter(Double::isFinite).map(Value::of),
        Arbitraries.of(Value.Bool.TRUE, Value.Bool.FALSE));
  }

  /** Any semantic property value: scalars, language strings, typed literals, references, collections. */
  public static Arbitrary<Value> values() {
    Arbitrary<Value> rich = Arbitraries.oneOf(
        scalars(),
        Combinators.combine(text(20), Arbitraries.of("en", "nb-NO", "zh-Hant", "de")).as(Value.LangStr::new),
        Combinators.combine(text(20), Arbitraries.of("xsd:date", "http://www.w3.org/2001/XMLSchema#decimal")).as(Value.Typed::new),
        ids().map(Value.Ref::new));
    return Arbitraries.oneOf(rich, rich.list().ofMaxSize(4).map(Value.Seq::new));
  }

  public static Arbitrary<GraphFacet> graphs() {
    Arbitrary<Edge> node = Combinators.combine(names(), ids()).as(Edge::to);
    Arbitrary<Edge> literal = Combinators.combine(names(), scalars()).as(Edge::literal);
    return Arbitraries.frequencyOf(Tuple.of(4, node), Tuple.of(1, literal))
        .list().ofMinSize(1).ofMaxSize(8).map(GraphFacet::new);
  }

  public static Arbitrary<VectorFacet> vectors(int dimension) {
    Arbitrary<float[]> elements = Arbitraries.floats().between(-10f, 10f).array(float[].class).ofSize(dimension);
    return Combinators.combine(elements, Arbitraries.of("verisim-test", "all-MiniLM-L6-v2").injectNull(0.3)).as(VectorFacet::new);
  }

  public static Arbitrary<TensorFacet> tensors() {
    Arbitrary<int[]> shapes = Arbitraries.integers().between(0, 4).array(int[].class).ofMaxSize(3);
    return Combinators.combine(shapes, Arbitraries.of(DType.values()), Arbitraries.longs()).as((shape, dtype, seed) -> {
      int n = (int) TensorFacet.elementCount(shape);
      java.util.Random random = new java.util.Random(seed);
      return switch (dtype) {
        case FLOAT32 -> {
          float[] v = new float[n];
          for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
          }
          yield TensorFacet.ofFloats(shape, v);
        }
        case FLOAT64 -> TensorFacet.ofDoubles(shape, random.doubles(n).toArray());
        case INT32 -> TensorFacet.ofInts(shape, random.ints(n).toArray());
        case INT64 -> TensorFacet.ofLongs(shape, random.longs(n).toArray());
        case BOOL -> {
          boolean[] v = new boolean[n];
          for (int i = 0; i < n; i++) {
            v[i] = random.nextBoolean();
          }
          yield TensorFacet.ofBooleans(shape, v);
        }
      };
    });
  }

  public static Arbitrary<SemanticFacet> semantics() {
    Arbitrary<List<String>> types = Arbitraries.of("https://schema.org/Person", "https://schema.org/Place", "Sensor", "TideGauge", "ex:Thing")
        .list().ofMaxSize(3);
    Arbitrary<Map<String, Value>> properties = Arbitraries.maps(names(), values()).ofMaxSize(4);
    return Combinators.combine(types, properties).as(SemanticFacet::of).ignoreException(org.verisimdb.model.error.VeriSimException.class);
  }

  public static Arbitrary<DocumentFacet> documents() {
    Arbitrary<String> title = text(60).injectNull(0.2);
    Arbitrary<String> body = text(400).injectNull(0.2);
    Arbitrary<Map<String, Value>> fields = Arbitraries.maps(names().filter(n -> !n.equals("title") && !n.equals("body")), scalars()).ofMaxSize(5);
    return Combinators.combine(title, body, fields).as((t, b, f) -> {
      TreeMap<String, Value> all = new TreeMap<>(f);
      if (t != null) {
        all.put(DocumentFacet.TITLE, Value.of(t));
      }
      if (b != null) {
        all.put(DocumentFacet.BODY, Value.of(b));
      }
      return new DocumentFacet(all);
    }).ignoreException(org.verisimdb.model.error.VeriSimException.class);
  }

  public static Arbitrary<SpatialFacet> spatials() {
    Arbitrary<SpatialFacet> points = Combinators.combine(
        Arbitraries.doubles().between(-90, 90).ofScale(6), Arbitraries.doubles().between(-180, 180).ofScale(6),
        Arbitraries.doubles().between(-500, 9000).ofScale(2).injectNull(0.5)).as((lat, lon, alt) -> new SpatialFacet(lat, lon, alt, 4326, null, null));
    Arbitrary<SpatialFacet> boxes = Combinators.combine(
        Arbitraries.doubles().between(-80, 79).ofScale(6), Arbitraries.doubles().between(-170, 169).ofScale(6),
        Arbitraries.doubles().between(0.001, 1).ofScale(4))
        .as((lat, lon, size) -> SpatialFacet.ofWkt("POLYGON ((%s %s, %s %s, %s %s, %s %s))".formatted(
            lon, lat, lon + size, lat, lon + size, lat + size, lon, lat)));
    Arbitrary<Map<String, Value>> properties = Arbitraries.maps(names(), scalars()).ofMaxSize(2);
    return Combinators.combine(Arbitraries.oneOf(points, boxes), properties).as((s, p) -> s.withProperties(p));
  }

  public static Arbitrary<TemporalInput> temporal() {
    Arbitrary<Instant> validFrom = Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond).injectNull(0.5);
    Arbitrary<String> label = Arbitraries.of("imported", "reviewed", "v2 release").injectNull(0.5);
    Arbitrary<String> message = text(80).injectNull(0.5);
    return Combinators.combine(validFrom, label, message).as(TemporalInput::new);
  }

  public static Arbitrary<ProvenanceEvent> provenanceEvents() {
    return Combinators.combine(Arbitraries.of("imported", "reviewed", "merged", "annotated"),
        Arbitraries.of("curator-5", "ingest-bot").injectNull(0.5),
        Arbitraries.of("survey-2019.csv", "https://example.org/feed").injectNull(0.5),
        text(60).injectNull(0.5)).as(ProvenanceEvent::new);
  }

  /** Valid inputs with a random subset of the six user-written modalities. */
  public static Arbitrary<OctadInput> inputs(int vectorDimension) {
    Arbitrary<List<Facet>> facets = Combinators.combine(
        graphs().injectNull(0.4), vectors(vectorDimension).injectNull(0.4), tensors().injectNull(0.5),
        semantics().injectNull(0.4), documents().injectNull(0.3), spatials().injectNull(0.4)).as((g, v, t, s, d, p) -> {
          List<Facet> list = new ArrayList<>();
          for (Facet f : new Facet[] {g, v, t, s, d, p}) {
            if (f != null) {
              list.add(f);
            }
          }
          return list;
        });
    return Combinators.combine(ids().injectNull(0.3), facets, temporal().injectNull(0.5), provenanceEvents().list().ofMaxSize(2))
        .as((id, list, temporal, events) -> {
          OctadInput.Builder builder = OctadInput.builder().id(id).temporal(temporal);
          list.forEach(builder::with);
          events.forEach(builder::provenance);
          return builder.build();
        });
  }
}
