/** The write-ahead log: append records, force them to disk, replay them after a crash. No octads here. */
package org.verisimdb.storage.wal;
