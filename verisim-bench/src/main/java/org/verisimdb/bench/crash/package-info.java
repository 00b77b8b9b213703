/** Crash testing: a writer process killed at random moments, and the checks after each restart. */
package org.verisimdb.bench.crash;
