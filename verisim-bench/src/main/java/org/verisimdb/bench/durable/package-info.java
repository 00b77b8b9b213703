/**
 * Durability benchmarks: durable commits per second in fsync mode against the disk's raw fsync
 * rate ({@link org.verisimdb.bench.durable.DurableCommits}), and how fast a long log is replayed
 * when a crashed database reopens ({@link org.verisimdb.bench.durable.Replay}). Plain mains with
 * their own timing, not JMH: each measures seconds of real disk and process behaviour, and each
 * checks afterwards that the work it timed really happened.
 */
package org.verisimdb.bench.durable;
