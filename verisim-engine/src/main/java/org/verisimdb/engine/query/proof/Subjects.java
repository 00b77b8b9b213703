package org.verisimdb.engine.query.proof;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;

/**
 * The subject octads of a statement (VQL.md §7.4), in the order of the page: for a SELECT the
 * octads whose rows are in the page (for an aggregate, every octad that contributed to the
 * returned groups), for INSERT and UPDATE the written octad, for DELETE the octad before deletion.
 * A set: an id given twice counts once, at its first place.
 *
 * @param list the subjects, each at most once
 */
public record Subjects(List<Subject> list) {
  /** No subjects: every {@code *} spec is vacuous. */
  public static final Subjects NONE = new Subjects(List.of());

  /**
   * One subject octad.
   *
   * @param octad the octad at the statement's read view
   * @param leafIndex the index of its row in the page's Merkle tree, or null when it has no row
   *     there (an aggregate, a deleted octad)
   */
  public record Subject(OctadId id, Octad octad, Integer leafIndex) {
    public Subject {
      if (octad == null || !octad.id().equals(id)) {
        throw new IllegalArgumentException("subject " + id + " needs its octad, got " + (octad == null ? null : octad.id()));
      }
      if (leafIndex != null && leafIndex < 0) {
        throw new IllegalArgumentException("negative leaf index " + leafIndex + " of subject " + id);
      }
    }
  }

  public Subjects {
    Set<OctadId> seen = new HashSet<>();
    List<Subject> distinct = new ArrayList<>(list.size());
    for (Subject s : list) {
      if (seen.add(s.id())) {
        distinct.add(s);
      }
    }
    list = List.copyOf(distinct);
  }

  /** Subjects with these octads, the i-th being row i of the page. */
  public static Subjects rows(List<Octad> octads) {
    List<Subject> list = new ArrayList<>(octads.size());
    for (int i = 0; i < octads.size(); i++) {
      list.add(new Subject(octads.get(i).id(), octads.get(i), i));
    }
    return new Subjects(list);
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** The subject with this id. */
  public Optional<Subject> find(OctadId id) {
    return list.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
