/** The storage SPI: keyed bytes in named keyspaces, atomic batches tagged with log sequence numbers, and backend discovery. No octads here. */
package org.verisimdb.storage;
