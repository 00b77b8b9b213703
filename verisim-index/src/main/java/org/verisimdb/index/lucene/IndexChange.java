package org.verisimdb.index.lucene;

import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;

/**
 * What one commit did to one octad, as the index needs it: the octad as it stands after the
 * commit (its whole content, history and chain), or null when the commit deleted it.
 */
public record IndexChange(OctadId id, Octad octad) {
  public IndexChange {
    if (id == null || (octad != null && !octad.id().equals(id))) {
      throw new IllegalArgumentException("change of " + id + " carries octad " + (octad == null ? null : octad.id()));
    }
  }

  public static IndexChange deleted(OctadId id) {
    return new IndexChange(id, null);
  }

  public static IndexChange of(Octad octad) {
    return new IndexChange(octad.id(), octad);
  }
}
