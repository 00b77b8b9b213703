package org.verisimdb.model.write;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.verisimdb.model.Modality;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.GraphFacet;

/**
 * How an update changes one modality. Each kind turns the current facet (null when absent) into
 * the new one (null when the modality is gone afterwards); the result is validated as any facet
 * is, so an edit that leaves invalid data fails with that modality's error code.
 */
public sealed interface ModalityChange {

  Modality modality();

  /** The facet after the change, or null when the modality is absent afterwards. */
  Facet apply(Facet current);

  /** Replace the modality wholly (or create it). */
  record Replace(Facet facet) implements ModalityChange {
    public Replace {
      if (facet == null) {
        throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, null, "a replacement facet must not be null; use remove() to drop a modality");
      }
      if (!facet.modality().userWritable()) {
        throw VeriSimException.invalid(ErrorCode.FIELD_NOT_WRITABLE, facet.modality().wireName(),
            facet.modality() + " is kept by the database and cannot be replaced");
      }
    }

    @Override
    public Modality modality() {
      return facet.modality();
    }

    @Override
    public Facet apply(Facet current) {
      return facet;
    }
  }

  /** Remove the modality; removing an absent modality changes nothing. */
  record Remove(Modality modality) implements ModalityChange {
    public Remove {
      if (modality == null || !modality.userWritable()) {
        throw VeriSimException.invalid(ErrorCode.FIELD_NOT_WRITABLE, modality == null ? null : modality.wireName(),
            modality + " is kept by the database and cannot be removed");
      }
    }

    @Override
    public Facet apply(Facet current) {
      return null;
    }
  }

  /**
   * Set or remove individual fields, in order; each field at most once. Fields per modality:
   * <ul>
   *   <li>DOCUMENT: any field name; removing the last field removes the document.
   *   <li>SEMANTIC: {@code types} (a string or a list of strings; null clears),
   *       {@code properties.<key>}; removing everything removes the modality.
   *   <li>VECTOR: {@code embedding} (a list of numbers; null removes the vector), {@code model}
   *       (string or null).
   *   <li>SPATIAL: {@code lat}, {@code lon} (an absent SPATIAL needs both, or a {@code wkt}),
   *       {@code alt} (null clears), {@code srid} (null resets to 4326), {@code wkt} (null makes
   *       the location a point at lat/lon; a non-point geometry's representative point becomes
   *       its centroid unless lat/lon are set too), {@code properties.<key>}.
   * </ul>
   * GRAPH and TENSOR have no writable fields: edges change with {@link EditEdges}, a tensor is
   * replaced whole.
   */
  record SetFields(Modality modality, List<FieldEdit> edits) implements ModalityChange {
    public SetFields {
      if (modality == Modality.GRAPH || modality == Modality.TENSOR || modality == null || !modality.userWritable()) {
        throw VeriSimException.invalid(ErrorCode.FIELD_NOT_WRITABLE, modality == null ? null : modality.wireName(),
            switch (modality) {
              case GRAPH -> "GRAPH has no writable fields; add or remove edges, or replace the graph";
              case TENSOR -> "TENSOR has no writable fields; replace the tensor whole";
              case null -> "a field edit needs a modality";
              default -> modality + " is kept by the database; its fields are not writable";
            });
      }
      edits = List.copyOf(edits);
      Set<String> seen = new HashSet<>();
      for (FieldEdit edit : edits) {
        FieldEdits.checkWritable(modality, edit.field());
        if (!seen.add(edit.field())) {
          throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, modality.wireName() + "." + edit.field(),
              "field " + modality + "." + edit.field() + " is set twice in one update; set it once");
        }
      }
    }

    @Override
    public Facet apply(Facet current) {
      return FieldEdits.apply(modality, current, edits);
    }
  }

  /** Add and remove outgoing edges; removing an edge that is not there changes nothing. */
  record EditEdges(List<Edge> add, List<Edge> remove) implements ModalityChange {
    public EditEdges {
      add = List.copyOf(add);
      remove = List.copyOf(remove);
    }

    @Override
    public Modality modality() {
      return Modality.GRAPH;
    }

    @Override
    public Facet apply(Facet current) {
      TreeSet<Edge> edges = new TreeSet<>();
      if (current instanceof GraphFacet g) {
        edges.addAll(g.edges());
      }
      remove.forEach(edges::remove);
      edges.addAll(add);
      return edges.isEmpty() ? null : new GraphFacet(new ArrayList<>(edges));
    }
  }
}
