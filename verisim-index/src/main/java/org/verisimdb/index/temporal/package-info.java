/**
 * Temporal fields of the octad document: version, creation and modification times, labels and
 * committing principals, for candidate search; the history itself is read from the record store.
 */
package org.verisimdb.index.temporal;
