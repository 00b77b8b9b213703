/** Transaction throughput and abort rates under contention, at each isolation level. */
package org.verisimdb.bench.txn;
