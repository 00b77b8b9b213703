package org.verisimdb.index.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Edge.EdgeTarget;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.value.Value;

class NTriplesTest {
  private final NTriples rdf = new NTriples("https://example.org/octad/");

  @Test
  void writesEdgesTypesAndPropertiesAsTriples() {
    Octad octad = Octads.of("p-1",
        GraphFacet.of(Edge.to("CITES", "p-2"), Edge.literal("title", new Value.LangStr("Tider", "nb")), Edge.literal("year", Value.of(2020))),
        SemanticFacet.of(List.of("Paper", "https://schema.org/ScholarlyArticle"),
            Map.of("score", Value.of(1.5), "open", Value.of(true), "published", new Value.Typed("2020-01-02", "xsd:date"),
                "author", new Value.Ref(OctadId.of("..")), "tags", Value.from(List.of("a", "b")))));
    StringWriter out = new StringWriter();
    assertThat(rdf.write(octad, out)).isEqualTo(11);
    assertThat(out.toString()).isEqualTo("""
        <https://example.org/octad/p-1> <https://example.org/octad#CITES> <https://example.org/octad/p-2> .
        <https://example.org/octad/p-1> <https://example.org/octad#title> "Tider"@nb .
        <https://example.org/octad/p-1> <https://example.org/octad#year> "2020"^^<http://www.w3.org/2001/XMLSchema#integer> .
        <https://example.org/octad/p-1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://example.org/octad#Paper> .
        <https://example.org/octad/p-1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/ScholarlyArticle> .
        <https://example.org/octad/p-1> <https://example.org/octad#author> <https://example.org/octad/%2E%2E> .
        <https://example.org/octad/p-1> <https://example.org/octad#open> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .
        <https://example.org/octad/p-1> <https://example.org/octad#published> "2020-01-02"^^<http://www.w3.org/2001/XMLSchema#date> .
        <https://example.org/octad/p-1> <https://example.org/octad#score> "1.5"^^<http://www.w3.org/2001/XMLSchema#double> .
        <https://example.org/octad/p-1> <https://example.org/octad#tags> "a" .
        <https://example.org/octad/p-1> <https://example.org/octad#tags> "b" .
        """);
  }

  @Test
  void typeNamesBecomeIris() {
    assertThat(rdf.type("urn:isbn:123")).isEqualTo("urn:isbn:123");
    assertThat(rdf.type("owl:Thing")).isEqualTo("http://www.w3.org/2002/07/owl#Thing");
    assertThat(rdf.type("Big#Cat%20[x]")).isEqualTo("https://example.org/octad#Big%23Cat%2520%5Bx%5D");
    assertThat(rdf.type("Café")).isEqualTo("https://example.org/octad#Café");
    assertThat(NTriples.fragment("a<b> \"c\"\u0085")).isEqualTo("a%3Cb%3E%20%22c%22%C2%85");
    assertThat(new NTriples("urn:x:data#part").predicate("CITES")).isEqualTo("urn:x:data#part/vocab/CITES");
  }

  @Test
  void randomOctadsStreamAsValidTriplesWhoseStringsRoundTrip() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    int count = 300;
    List<Octad> made = new ArrayList<>();
    Iterator<Octad> octads = new Iterator<>() { // made one at a time, as a store scan would
      int i;

      @Override
      public boolean hasNext() {
        return i < count;
      }

      @Override
      public Octad next() {
        if (i >= count) {
          throw new NoSuchElementException();
        }
        Octad o = randomOctad(random, i++);
        made.add(o);
        return o;
      }
    };
    StringWriter out = new StringWriter();
    long written = rdf.write(octads, out);
    String text = out.toString();
    assertThat(text).endsWith("\n");
    List<String[]> triples = new ArrayList<>();
    for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
      triples.add(TinyNTriplesParser.parse(line));
    }
    assertThat(triples).as("seed=%d", seed).hasSize((int) written);
    // Re-derive each octad's triples from the model and compare with what was parsed.
    List<String[]> expected = new ArrayList<>();
    for (Octad o : made) {
      String s = rdf.subject(o.id());
      o.graph().ifPresent(g -> g.edges().forEach(e -> expected.add(new String[] {s, rdf.predicate(e.predicate()),
          switch (e.target()) {
            case EdgeTarget.Node(OctadId id) -> "<" + rdf.subject(id);
            case EdgeTarget.Literal(Value v) -> TinyNTriplesParser.literalKey(v, rdf);
          }})));
      o.semantic().ifPresent(sem -> {
        sem.types().forEach(t -> expected.add(new String[] {s, NTriples.RDF_TYPE, "<" + rdf.type(t)}));
        sem.properties().forEach((k, v) -> expected.add(new String[] {s, rdf.predicate(k), TinyNTriplesParser.literalKey(v, rdf)}));
      });
    }
    assertThat(triples).as("seed=%d", seed).usingElementComparator((a, b) -> java.util.Arrays.equals(a, b) ? 0 : 1)
        .containsExactlyElementsOf(expected);
  }

  @Test
  void quoteEscapesEveryControlCharacter() {
    String all = java.util.stream.IntStream.range(0, 0x80).mapToObj(Character::toString).collect(java.util.stream.Collectors.joining());
    String quoted = NTriples.quote(all);
    assertThat(quoted).startsWith("\"\\u0000\\u0001").contains("\\b\\t\\n\\u000B\\f\\r\\u000E").contains(" !\\\"#")
        .contains("[\\\\]").endsWith("~\\u007F\"");
    assertThat(quoted.chars().allMatch(c -> c >= 0x20 && c != 0x7f)).isTrue();
    assertThat(TinyNTriplesParser.parse("<a:s> <a:p> " + quoted + " .")[2]).isEqualTo("\"" + all);
  }

  @Test
  void aFailingWriterIsReported() {
    java.io.Writer broken = new java.io.Writer() {
      @Override
      public void write(char[] c, int off, int len) throws java.io.IOException {
        throw new java.io.IOException("disk full");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    assertThatThrownBy(() -> rdf.write(Octads.of("a", GraphFacet.of(Edge.to("P", "b"))), broken))
        .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("octad a");
  }

  /** The model allows no control characters but tab and line breaks; {@link #quoteEscapesEveryControlCharacter} covers the rest. */
  private static final String NASTY = "\"\\\n\r\t<>é€😀 ^^@.\u0085\u2028";

  private static String text(Random random) {
    StringBuilder b = new StringBuilder();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      b.append(random.nextBoolean() ? (char) ('a' + random.nextInt(26)) : NASTY.charAt(random.nextInt(NASTY.length())));
    }
    String s = b.toString();
    // drop a half surrogate pair cut off at the end or start
    return s.replaceAll("[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])", "").replaceAll("(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]", "");
  }

  private static Value literal(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> Value.of(text(random));
      case 1 -> Value.of(random.nextLong());
      case 2 -> Value.of(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
      case 3 -> Value.of(random.nextBoolean());
      case 4 -> new Value.LangStr(text(random), random.nextBoolean() ? "en" : "nb-NO");
      default -> new Value.Typed(text(random), random.nextBoolean() ? "xsd:date" : "https://example.org/dt");
    };
  }

  private static Octad randomOctad(Random random, int i) {
    String id = random.nextInt(20) == 0 ? "." : "o-" + i + (random.nextBoolean() ? ":x.y_z" : "");
    List<org.verisimdb.model.facet.Facet> facets = new ArrayList<>();
    if (random.nextBoolean()) {
      List<Edge> edges = new ArrayList<>();
      for (int e = 0; e < 1 + random.nextInt(4); e++) {
        edges.add(random.nextBoolean() ? Edge.to("P" + random.nextInt(3), "o-" + random.nextInt(50)) : Edge.literal("L", literal(random)));
      }
      facets.add(new GraphFacet(edges));
    }
    if (random.nextBoolean()) {
      Map<String, Value> props = new TreeMap<>();
      for (int p = 0; p < random.nextInt(4); p++) {
        props.put("k" + p, literal(random));
      }
      facets.add(SemanticFacet.of(List.of(random.nextBoolean() ? "Thing" : "http://example.org/T"), props));
    }
    return Octads.of(id, facets.toArray(org.verisimdb.model.facet.Facet[]::new));
  }
}
