/** Provenance fields of the octad document: actors, event types, sources and record times of its hash chain. */
package org.verisimdb.index.provenance;
