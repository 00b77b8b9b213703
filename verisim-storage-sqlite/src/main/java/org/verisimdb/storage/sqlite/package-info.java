/** The SQLite storage backend: one WAL-mode database file, one table per keyspace, a pool of read-only connections. */
package org.verisimdb.storage.sqlite;
