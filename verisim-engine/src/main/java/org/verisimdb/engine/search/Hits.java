package org.verisimdb.engine.search;

import java.util.List;
import org.verisimdb.model.OctadId;

/** What a search found, in rank order, all read at one LSN: the state the search saw. */
public record Hits(long lsn, List<Hit> hits) {
  public Hits {
    hits = List.copyOf(hits);
  }

  public int size() {
    return hits.size();
  }

  public List<OctadId> ids() {
    return hits.stream().map(h -> h.octad().id()).toList();
  }
}
