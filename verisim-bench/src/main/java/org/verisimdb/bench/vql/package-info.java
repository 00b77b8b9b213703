/** Benchmarks of the VQL front end: parsing and checking typical statements. */
package org.verisimdb.bench.vql;
