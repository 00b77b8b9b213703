package org.verisimdb.vql.lex;

import java.util.HashMap;
import java.util.Map;

/** The reserved keywords of VQL.md §2.3. They are case-insensitive and never identifiers. */
public enum Keyword {
  AND,
  AS,
  ASC,
  AVG,
  BEGIN,
  BETWEEN,
  BOUNDS,
  BY,
  COMMIT,
  CONSISTENT,
  CONTAINS,
  COUNT,
  CURSOR,
  DELETE,
  DESC,
  DOCUMENT,
  DRIFT,
  ENTITY,
  EXISTS,
  EXPLAIN,
  FALSE,
  FEDERATION,
  FIELD,
  FROM,
  FULLTEXT,
  GRAPH,
  GROUP,
  HAS,
  HAVING,
  HEXAD,
  HEXADS,
  IN,
  INSERT,
  IS,
  LIKE,
  LIMIT,
  MATCHES,
  MAX,
  MIN,
  MODIFIED,
  NEAREST,
  NORMALIZE,
  NOT,
  NULL,
  OCTAD,
  OCTADS,
  OF,
  OFFSET,
  OR,
  ORDER,
  POLYGON,
  PROOF,
  PROVENANCE,
  RADIUS,
  RANK,
  RETURNING,
  ROLLBACK,
  SATISFIES,
  SEARCH,
  SELECT,
  SEMANTIC,
  SET,
  SHAPE,
  SHOW,
  SIMILAR,
  SPATIAL,
  STORE,
  SUM,
  TEMPORAL,
  TENSOR,
  TO,
  TRUE,
  UPDATE,
  USING,
  VECTOR,
  VERIFIED,
  VERSION,
  WHERE,
  WITH,
  WITHIN;

  private static final Map<String, Keyword> BY_UPPER = new HashMap<>();

  static {
    for (Keyword k : values()) {
      BY_UPPER.put(k.name(), k);
    }
  }

  /** The keyword spelled {@code word} in any case, or null. */
  public static Keyword of(String word) {
    if (word.length() < 2 || word.length() > 10) {
      return null;
    }
    return BY_UPPER.get(Chars.upper(word));
  }

  /** True if {@code word} (any case) is a reserved keyword. */
  public static boolean isReserved(String word) {
    return of(word) != null;
  }
}
