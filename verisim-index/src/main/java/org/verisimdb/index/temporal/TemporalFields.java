package org.verisimdb.index.temporal;

import java.time.Instant;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.verisimdb.model.facet.TemporalFacet;

/**
 * The temporal fields. {@code time.created} and {@code time.modified} (microseconds since the
 * epoch, point and doc value) bound when versions were committed: some version lies in
 * [t1, t2] only if created ≤ t2 and modified ≥ t1, which {@link #committedBetween} uses as a
 * candidate filter (the exact check reads the version records).
 */
public final class TemporalFields {
  public static final String VERSION = "time.version";
  public static final String CREATED = "time.created";
  public static final String MODIFIED = "time.modified";
  public static final String VALID_FROM = "time.valid_from";
  public static final String LABEL = "time.label";
  public static final String MODIFIED_BY = "time.modified_by";

  private TemporalFields() {}

  public static void add(Document doc, TemporalFacet t) {
    doc.add(new LongField(VERSION, t.version(), Field.Store.NO));
    doc.add(new LongField(CREATED, micros(t.createdAt()), Field.Store.NO));
    doc.add(new LongField(MODIFIED, micros(t.modifiedAt()), Field.Store.NO));
    if (t.validFrom() != null) {
      doc.add(new LongField(VALID_FROM, micros(t.validFrom()), Field.Store.NO));
    }
    if (t.label() != null) {
      doc.add(new StringField(LABEL, t.label(), Field.Store.NO));
    }
    for (String principal : t.modifiedBy()) {
      doc.add(new StringField(MODIFIED_BY, principal, Field.Store.NO));
    }
  }

  /** Octads that may have a version committed in [from, to]: created ≤ to and modified ≥ from. */
  public static Query committedBetween(Instant from, Instant to) {
    return new BooleanQuery.Builder()
        .add(LongField.newRangeQuery(CREATED, Long.MIN_VALUE, micros(to)), BooleanClause.Occur.FILTER)
        .add(LongField.newRangeQuery(MODIFIED, micros(from), Long.MAX_VALUE), BooleanClause.Occur.FILTER)
        .build();
  }

  /** Octads with a version committed by {@code principal}. */
  public static Query modifiedBy(String principal) {
    return new TermQuery(new Term(MODIFIED_BY, principal));
  }

  /** Microseconds since the epoch, the precision of commit times. */
  public static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }
}
