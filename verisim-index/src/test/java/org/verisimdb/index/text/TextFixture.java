package org.verisimdb.index.text;

import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.TestOctads;
import org.verisimdb.index.lucene.OctadIndex;
import org.verisimdb.model.Octad;
import org.verisimdb.model.facet.DocumentFacet;

/** An in-memory octad index for text tests and the octads that go into it. Not thread-safe. */
final class TextFixture implements AutoCloseable {

  final OctadIndex index = OctadIndex.open(null, IndexSettings.defaults());
  private long lsn;

  /** An octad with this document (null: none, only its history). */
  static Octad octad(String id, DocumentFacet document) {
    return TestOctads.of(id, document);
  }

  /** Applies one commit that writes these octads. */
  TextFixture put(Octad... octads) {
    TestOctads.put(index, ++lsn, octads);
    return this;
  }

  /** Applies one commit that deletes these octads. */
  TextFixture delete(String... ids) {
    TestOctads.delete(index, ++lsn, ids);
    return this;
  }

  @Override
  public void close() {
    index.close();
  }
}
