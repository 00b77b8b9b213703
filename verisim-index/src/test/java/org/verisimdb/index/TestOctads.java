package org.verisimdb.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.index.lucene.IndexChange;
import org.verisimdb.index.lucene.OctadIndex;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.TemporalFacet;

/** Octads for index tests, at their first version, and commits of them to an index. */
public final class TestOctads {
  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private TestOctads() {}

  /** Octad {@code id} at version 1 with the given facets; null facets are left out. */
  public static Octad of(String id, Facet... facets) {
    Map<Modality, Facet> map = new EnumMap<>(Modality.class);
    map.put(Modality.TEMPORAL, new TemporalFacet(1, T0, T0, null, null, null, 1, null, null));
    for (Facet f : facets) {
      if (f != null) {
        map.put(f.modality(), f);
      }
    }
    return new Octad(OctadId.of(id), map);
  }

  /** Applies, as the commit at {@code lsn}, the writes of {@code octads}. */
  public static void put(OctadIndex index, long lsn, Octad... octads) {
    List<IndexChange> changes = new ArrayList<>();
    for (Octad o : octads) {
      changes.add(IndexChange.of(o));
    }
    index.apply(lsn, changes);
  }

  /** Applies, as the commit at {@code lsn}, the deletion of {@code ids}. */
  public static void delete(OctadIndex index, long lsn, String... ids) {
    List<IndexChange> changes = new ArrayList<>();
    for (String id : ids) {
      changes.add(IndexChange.deleted(OctadId.of(id)));
    }
    index.apply(lsn, changes);
  }
}
