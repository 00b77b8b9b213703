/**
 * Query latency on the sample set ({@link org.verisimdb.bench.query.QueryLatency}): a plain
 * main, not JMH, that loads (or reopens) a RocksDB database of sample octads and times each kind
 * of VQL query end to end through a {@code VqlSession}, with the EXPLAIN ANALYZE plan of each
 * kind printed beside its figures.
 */
package org.verisimdb.bench.query;
