/**
 * The modality indexes: derived state kept in step with committed octads, searched by the
 * engine. One Lucene index per database holds a document per live octad with the fields of
 * every modality ({@link org.verisimdb.index.lucene.OctadIndex}); each modality package adds its
 * fields to that document and builds its searches on an {@link org.verisimdb.index.lucene.IndexView}.
 */
package org.verisimdb.index;
