/**
 * Searches over the modality indexes for embedded use: each runs on one index view and returns
 * the octads it found as they stood at that view's LSN, with their scores.
 */
package org.verisimdb.engine.search;
