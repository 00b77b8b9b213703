/**
 * Cross-modal measures of VQL.md §6.10 computed from an octad's data: drift scores in [0, 1] per
 * modality pair ({@code DRIFT(m1, m2)}, {@code drift_score}) and consistency scores over feature
 * vectors and token sets ({@code CONSISTENT(m1, m2) USING metric}). Only the measures this node
 * can compute honestly exist; asking for another is an error, never an invented number.
 */
package org.verisimdb.engine.query.drift;
