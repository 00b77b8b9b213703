package org.verisimdb.engine.search;

import java.util.List;
import org.verisimdb.model.Octad;

/**
 * One octad a search found: the octad as it stood when the search ran, its score (BM25
 * relevance, vector similarity, distance in km, hop count… as the search says; higher is better
 * unless the search says otherwise) and, for text searches, highlighted passages.
 */
public record Hit(Octad octad, double score, List<String> snippets) {
  public Hit {
    snippets = snippets == null ? List.of() : List.copyOf(snippets);
  }
}
