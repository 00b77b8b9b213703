/**
 * Execution of VQL statements: read scopes over one MVCC snapshot, candidate sources (id
 * lookup, scans, index searches corrected to the snapshot), per-octad evaluation with
 * three-valued logic, ranking, grouping, ordering, paging and projection, all streamed.
 */
package org.verisimdb.engine.query.exec;
