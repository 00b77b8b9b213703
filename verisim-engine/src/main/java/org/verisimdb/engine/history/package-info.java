/**
 * The TEMPORAL modality's reads: an octad's version history, its state as of a time, version or
 * label (every modality reconstructed as committed), versions committed in a time range, and
 * diffs between two versions. Everything one call returns is read from one snapshot.
 */
package org.verisimdb.engine.history;
