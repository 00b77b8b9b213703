/** One stored octad seen as a VQL row: its fields and whole modalities as run-time values (VQL.md §4.3, §9.3). */
package org.verisimdb.engine.query.row;
