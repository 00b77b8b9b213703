/** The LMDB storage backend: one memory-mapped LMDB environment per directory, one named database per keyspace. */
package org.verisimdb.storage.lmdb;
