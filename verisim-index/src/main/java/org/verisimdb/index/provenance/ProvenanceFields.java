package org.verisimdb.index.provenance;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.verisimdb.index.temporal.TemporalFields;
import org.verisimdb.model.facet.ProvenanceFacet;
import org.verisimdb.model.facet.ProvenanceRecord;

/**
 * The provenance fields: each distinct actor, event type, source and "actor event" pair of the
 * chain as keywords, every record time as a point, and the chain length and newest record time.
 * A search by actor, event type and time range finds the octads with a record matching each
 * given part; {@link ProvenanceSearch} then picks the records that match all parts together.
 */
public final class ProvenanceFields {
  public static final String ACTOR = "prov.actor";
  public static final String EVENT = "prov.event";
  public static final String SOURCE = "prov.source";
  public static final String ACTOR_EVENT = "prov.actor_event";
  public static final String AT = "prov.at";
  public static final String LENGTH = "prov.length";
  public static final String LAST_AT = "prov.last_at";

  private ProvenanceFields() {}

  public static void add(Document doc, ProvenanceFacet chain) {
    Set<String> seen = new HashSet<>();
    for (ProvenanceRecord r : chain.records()) {
      keyword(doc, seen, ACTOR, r.actor());
      keyword(doc, seen, EVENT, r.eventType());
      if (r.source() != null) {
        keyword(doc, seen, SOURCE, r.source());
      }
      keyword(doc, seen, ACTOR_EVENT, pair(r.actor(), r.eventType()));
      doc.add(new LongPoint(AT, TemporalFields.micros(r.timestamp())));
    }
    doc.add(new LongField(LENGTH, chain.records().size(), Field.Store.NO));
    doc.add(new LongField(LAST_AT, TemporalFields.micros(chain.head().timestamp()), Field.Store.NO));
  }

  private static void keyword(Document doc, Set<String> seen, String field, String value) {
    if (seen.add(field + '\u0000' + value)) {
      doc.add(new StringField(field, value, Field.Store.NO));
    }
  }

  static String pair(String actor, String event) {
    return event + '\u0000' + actor;
  }

  /**
   * Octads whose chain has records by {@code actor} (null: any), of {@code eventType} (null:
   * any), and a record in [from, to] (nulls: unbounded). Parts are matched per chain, not per
   * record; {@link ProvenanceSearch#matches} checks one record against all of them.
   */
  public static Query candidates(String actor, String eventType, Instant from, Instant to) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    if (actor != null && eventType != null) {
      q.add(new TermQuery(new Term(ACTOR_EVENT, pair(actor, eventType))), BooleanClause.Occur.FILTER);
    } else if (actor != null) {
      q.add(new TermQuery(new Term(ACTOR, actor)), BooleanClause.Occur.FILTER);
    } else if (eventType != null) {
      q.add(new TermQuery(new Term(EVENT, eventType)), BooleanClause.Occur.FILTER);
    }
    if (from != null || to != null) {
      q.add(LongPoint.newRangeQuery(AT, from == null ? Long.MIN_VALUE : TemporalFields.micros(from),
          to == null ? Long.MAX_VALUE : TemporalFields.micros(to)), BooleanClause.Occur.FILTER);
    }
    BooleanQuery built = q.build();
    return built.clauses().isEmpty() ? new org.apache.lucene.search.FieldExistsQuery(LENGTH) : built;
  }
}
