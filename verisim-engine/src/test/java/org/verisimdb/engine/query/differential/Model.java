package org.verisimdb.engine.query.differential;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.verisimdb.model.Modality;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;

/**
 * The generated data as plain Java objects, the reference's whole view of the database: per
 * octad its DOCUMENT fields (null when it has none), location, vector, outgoing edges and
 * semantic types. DOCUMENT fields: {@code title} and {@code body} (words of {@link #WORDS}),
 * {@code a} (mostly an integer, sometimes a string of digits, sometimes absent), {@code b} (a
 * word, sometimes an integer, sometimes absent) and {@code c} (a boolean, rarely a string,
 * sometimes absent). Edges use the predicates P, Q and R and target generated ids or the dangling
 * ids ghost-1 and ghost-2.
 */
record Model(List<Octad> octads, Map<String, Octad> byId) {
  static final List<String> WORDS = List.of("tide", "wave", "fjord", "harbour", "storm", "energy", "wind", "ice");
  static final List<String> B_VALUES = List.of("alpha", "beta", "gamma", "delta", "alphabet", "tide", "Beta");
  static final List<String> PREDICATES = List.of("P", "Q", "R");
  static final List<String> TYPES = List.of("Person", "Place", "Thing");
  static final List<String> DANGLING = List.of("ghost-1", "ghost-2");

  /** One octad. */
  record Octad(String id, Map<String, Object> doc, double[] point, double[] vector, List<Edge> edges, List<String> types) {
    /** The value of DOCUMENT.{@code field}: Long, String, Boolean or null when absent. */
    Object field(String field) {
      return doc == null ? null : doc.get(field);
    }
  }

  /** An outgoing edge. */
  record Edge(String predicate, String target) {}

  /** The octad {@code id}, or null for a dangling id. */
  Octad get(String id) {
    return byId.get(id);
  }

  /** Random data for {@code seed}: 25 to 45 octads. */
  static Model random(long seed) {
    Random r = new Random(seed);
    int n = 25 + r.nextInt(21);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(r.nextInt(8) == 0 ? String.format("X-%02d", i) : String.format("o-%03d", i));
    }
    List<Octad> octads = new ArrayList<>();
    Map<String, Octad> byId = new HashMap<>();
    for (String id : ids) {
      octads.add(new Octad(id, document(r), point(r), vector(r), edges(r, ids), types(r)));
    }
    return of(octads);
  }

  private static Model of(List<Octad> octads) {
    Map<String, Octad> byId = new HashMap<>();
    octads.forEach(o -> byId.put(o.id(), o));
    return new Model(List.copyOf(octads), Map.copyOf(byId));
  }

  /**
   * The data after a second round of writes: the current view, the view AS OF VERSION 1 (every
   * octad at its first version: the original data and the added octads), and the writes that
   * lead there. About a quarter of the octads change (a new DOCUMENT, and perhaps a new location,
   * edges or types), a tenth are deleted, and three are added.
   */
  record Evolution(Model current, Model versionOne, List<Octad> changed, List<String> deleted, List<Octad> added) {}

  Evolution evolve(Random r) {
    List<String> ids = new ArrayList<>(byId.keySet());
    ids.sort(null);
    List<Octad> added = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(String.format("n-%02d", i));
    }
    List<Octad> now = new ArrayList<>();
    List<Octad> changed = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    for (Octad o : octads) {
      int p = r.nextInt(20);
      if (p < 5) {
        Map<String, Object> doc = document(r);
        Octad c = new Octad(o.id(), doc == null ? Map.of("a", 1L) : doc, r.nextBoolean() ? point(r) : o.point(), o.vector(),
            r.nextBoolean() ? edges(r, ids) : o.edges(), r.nextBoolean() ? types(r) : o.types());
        changed.add(c);
        now.add(c);
      } else if (p < 7) {
        deleted.add(o.id());
      } else {
        now.add(o);
      }
    }
    for (String id : ids.subList(ids.size() - 3, ids.size())) {
      Octad n = new Octad(id, document(r), point(r), vector(r), edges(r, ids), types(r));
      added.add(n);
      now.add(n);
    }
    List<Octad> first = new ArrayList<>(octads);
    first.addAll(added);
    return new Evolution(of(now), of(first), changed, deleted, added);
  }

  private static double[] point(Random r) {
    return r.nextInt(3) == 0 ? null : new double[] {59 + 2 * r.nextDouble(), 9 + 3 * r.nextDouble()};
  }

  private static double[] vector(Random r) {
    return r.nextInt(3) == 0 ? null : new double[] {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
  }

  private static Map<String, Object> document(Random r) {
    if (r.nextInt(8) == 0) {
      return null;
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    if (r.nextInt(3) > 0) {
      doc.put("title", words(r, 1 + r.nextInt(3)));
    }
    if (r.nextBoolean()) {
      doc.put("body", words(r, 1 + r.nextInt(5)));
    }
    int a = r.nextInt(10);
    if (a < 7) {
      doc.put("a", (long) (r.nextInt(13) - 3));
    } else if (a == 7) {
      doc.put("a", Integer.toString(r.nextInt(10)));
    }
    int b = r.nextInt(10);
    if (b < 7) {
      doc.put("b", B_VALUES.get(r.nextInt(B_VALUES.size())));
    } else if (b == 7) {
      doc.put("b", (long) r.nextInt(5));
    }
    int c = r.nextInt(10);
    if (c < 6) {
      doc.put("c", r.nextBoolean());
    } else if (c == 6) {
      doc.put("c", "true");
    }
    return doc.isEmpty() ? null : doc;
  }

  private static String words(Random r, int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String w = WORDS.get(r.nextInt(WORDS.size()));
      out.add(r.nextInt(4) == 0 ? w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1) : w);
    }
    return String.join(r.nextBoolean() ? " " : ", ", out);
  }

  private static List<Edge> edges(Random r, List<String> ids) {
    Set<Edge> edges = new LinkedHashSet<>();
    int count = r.nextInt(4) == 0 ? 0 : r.nextInt(4);
    for (int i = 0; i < count; i++) {
      String target = r.nextInt(10) == 0 ? DANGLING.get(r.nextInt(2)) : ids.get(r.nextInt(ids.size()));
      edges.add(new Edge(PREDICATES.get(r.nextInt(PREDICATES.size())), target));
    }
    return List.copyOf(edges);
  }

  private static List<String> types(Random r) {
    List<String> types = new ArrayList<>();
    for (String t : TYPES) {
      if (r.nextInt(3) == 0) {
        types.add(t);
      }
    }
    return types;
  }

  /** The octad as the database's input. */
  static OctadInput input(Octad o) {
    OctadInput.Builder b = OctadInput.builder().id(o.id());
    facets(o).values().forEach(b::with);
    return b.build();
  }

  /** The update that turns {@code before} into {@code after}: each modality replaced, or removed when {@code after} lacks it. */
  static OctadPatch patch(Octad before, Octad after) {
    OctadPatch.Builder b = OctadPatch.builder();
    Map<Modality, Facet> old = facets(before);
    Map<Modality, Facet> now = facets(after);
    for (Modality m : Modality.values()) {
      if (now.containsKey(m)) {
        b.replace(now.get(m));
      } else if (old.containsKey(m)) {
        b.remove(m);
      }
    }
    return b.build();
  }

  // The facet Edge is written in full: Model.Edge, the reference's edge, has the same simple name.
  private static Map<Modality, Facet> facets(Octad o) {
    Map<Modality, Facet> out = new EnumMap<>(Modality.class);
    if (o.doc() != null) {
      out.put(Modality.DOCUMENT, DocumentFacet.of(o.doc()));
    }
    if (o.point() != null) {
      out.put(Modality.SPATIAL, SpatialFacet.point(o.point()[0], o.point()[1]));
    }
    if (o.vector() != null) {
      out.put(Modality.VECTOR, VectorFacet.of(o.vector(), null));
    }
    if (!o.edges().isEmpty()) {
      out.put(Modality.GRAPH, GraphFacet.of(o.edges().stream().map(e -> org.verisimdb.model.facet.Edge.to(e.predicate(), e.target()))
          .toArray(org.verisimdb.model.facet.Edge[]::new)));
    }
    if (!o.types().isEmpty()) {
      out.put(Modality.SEMANTIC, SemanticFacet.of(o.types(), null));
    }
    return out;
  }
}
