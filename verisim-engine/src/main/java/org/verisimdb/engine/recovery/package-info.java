/** Recovery: replaying the write-ahead log into the stores after a crash. */
package org.verisimdb.engine.recovery;
