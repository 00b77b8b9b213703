/** The {@code verisimdb} command line: entry point, failure reporting. */
package org.verisimdb.cli;
