/**
 * The one Lucene index of a database: a document per live octad holding the fields of every
 * modality, its writer, its applied and committed LSN, and point-in-time views for searches.
 */
package org.verisimdb.index.lucene;
