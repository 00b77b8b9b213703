/** Run-time values of VQL: three-valued logic, comparisons and ordering, aggregates, JSON encoding. */
package org.verisimdb.engine.query.value;
