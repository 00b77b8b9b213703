/**
 * Keeps the modality indexes in step with commits: feeds committed changes to the Lucene index
 * in LSN order, catches it up from the log on open, rebuilds it, and hands out views that are
 * at least as new as the caller's snapshot.
 */
package org.verisimdb.engine.index;
