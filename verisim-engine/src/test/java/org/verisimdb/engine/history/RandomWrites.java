package org.verisimdb.engine.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.model.write.ProvenanceEvent;
import org.verisimdb.model.write.TemporalInput;
import org.verisimdb.testkit.sample.SampleGenerator;

/**
 * Seeded random creates and updates for history tests: inputs from the testkit's sample set (all
 * six user-written modalities, some dropped), and patches that replace, remove or edit one to
 * three modalities (document and spatial fields, semantic properties and types, edges, vector
 * model and elements, tensors), with version labels, messages, valid-from times and provenance
 * events. Single-threaded.
 */
final class RandomWrites {
  static final List<String> LABELS = List.of("draft", "reviewed", "published");
  static final List<Modality> WRITABLE = List.of(Modality.GRAPH, Modality.VECTOR, Modality.TENSOR, Modality.SEMANTIC, Modality.DOCUMENT,
      Modality.SPATIAL);

  private final Random random;
  private final SampleGenerator samples;

  RandomWrites(long seed) {
    this.random = new Random(seed);
    this.samples = new SampleGenerator(seed, 60);
  }

  Random random() {
    return random;
  }

  /** A new octad {@code id}: a sample octad's modalities, each kept with probability 3/4. */
  OctadInput create(OctadId id) {
    Map<Modality, Facet> facets = new EnumMap<>(sample().facets());
    facets.keySet().removeIf(m -> random.nextInt(4) == 0);
    return new OctadInput(id, facets, temporal(), events());
  }

  /** A patch of one to three modalities of {@code current}, with version metadata and events. */
  OctadPatch update(Octad current) {
    OctadPatch.Builder patch = OctadPatch.builder();
    List<Modality> modalities = new ArrayList<>(WRITABLE);
    java.util.Collections.shuffle(modalities, random);
    for (Modality m : modalities.subList(0, 1 + random.nextInt(3))) {
      edit(patch, m, current);
    }
    patch.temporal(temporal());
    events().forEach(patch::provenance);
    return patch.build();
  }

  private void edit(OctadPatch.Builder patch, Modality m, Octad current) {
    int kind = random.nextInt(10);
    if (kind == 0 && current.has(m)) {
      patch.remove(m);
    } else if (kind < 3 || !current.has(m)) {
      patch.replace(sample().facets().get(m));
    } else {
      switch (m) {
        case DOCUMENT -> document(patch, current.document().orElseThrow());
        case GRAPH -> graph(patch, current.graph().orElseThrow());
        case VECTOR -> vector(patch, current.vector().orElseThrow());
        case TENSOR -> {
          int rows = 1 + random.nextInt(3);
          patch.replace(TensorFacet.ofInts(new int[] {rows, 2}, random.ints(2L * rows, -100, 100).toArray()));
        }
        case SEMANTIC -> {
          if (random.nextBoolean()) {
            patch.set(Modality.SEMANTIC, "properties.rank", random.nextInt(5));
          } else {
            patch.set(Modality.SEMANTIC, "types", List.of(random.nextBoolean() ? "Sensor" : "https://schema.org/Place", "TideGauge"));
          }
        }
        case SPATIAL -> {
          switch (random.nextInt(3)) {
            case 0 -> patch.set(Modality.SPATIAL, "lat", random.nextDouble(-80, 80)).set(Modality.SPATIAL, "lon", random.nextDouble(-170, 170));
            case 1 -> patch.set(Modality.SPATIAL, "alt", random.nextInt(2000));
            default -> patch.set(Modality.SPATIAL, "properties.note", "seen " + random.nextInt(100));
          }
        }
        default -> throw new IllegalStateException(m + " is not written by callers");
      }
    }
  }

  private void document(OctadPatch.Builder patch, DocumentFacet document) {
    List<String> removable = document.fields().keySet().stream().filter(f -> !f.equals(DocumentFacet.TITLE)).toList();
    if (random.nextInt(3) == 0 && document.fields().size() > 1 && !removable.isEmpty()) {
      patch.unset(Modality.DOCUMENT, removable.get(random.nextInt(removable.size())));
    } else if (random.nextBoolean()) {
      patch.set(Modality.DOCUMENT, "score", random.nextInt(1000));
    } else {
      patch.set(Modality.DOCUMENT, DocumentFacet.TITLE, "revision " + random.nextInt(1000));
    }
  }

  private void graph(OctadPatch.Builder patch, GraphFacet graph) {
    if (random.nextBoolean() && graph.edges().size() > 1) {
      patch.removeEdge(graph.edges().get(random.nextInt(graph.edges().size())));
    } else {
      patch.addEdge(Edge.to(random.nextBoolean() ? "CITES" : "mentions", "k" + random.nextInt(6)));
    }
  }

  private void vector(OctadPatch.Builder patch, VectorFacet vector) {
    if (random.nextBoolean()) {
      patch.set(Modality.VECTOR, "model", "model-" + random.nextInt(3));
    } else {
      float[] e = vector.embedding();
      e[random.nextInt(e.length)] += 0.5f;
      patch.replace(new VectorFacet(e, vector.model()));
    }
  }

  private OctadInput sample() {
    return samples.octad(random.nextInt(samples.size()));
  }

  private TemporalInput temporal() {
    if (random.nextInt(4) == 0) {
      return null;
    }
    String label = random.nextBoolean() ? LABELS.get(random.nextInt(LABELS.size())) : null;
    String message = random.nextBoolean() ? "change " + random.nextInt(1000) : null;
    Instant validFrom = random.nextInt(3) == 0 ? Instant.ofEpochSecond(1_600_000_000L + random.nextInt(100_000_000)) : null;
    return new TemporalInput(validFrom, label, message);
  }

  private List<ProvenanceEvent> events() {
    List<ProvenanceEvent> events = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      events.add(new ProvenanceEvent(random.nextBoolean() ? "reviewed" : "annotated", random.nextBoolean() ? "curator-" + random.nextInt(3) : null,
          random.nextBoolean() ? "feed-" + random.nextInt(3) : null, random.nextBoolean() ? "note " + random.nextInt(100) : null));
    }
    return events;
  }
}
