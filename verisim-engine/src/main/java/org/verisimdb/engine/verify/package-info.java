/** Verification of a whole database: log, records, chains, hashes and counts. */
package org.verisimdb.engine.verify;
