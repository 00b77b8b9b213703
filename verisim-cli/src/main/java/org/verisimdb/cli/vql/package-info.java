/** {@code vql check} and {@code vql fmt}: the offline VQL checker and formatter on files or standard input. */
package org.verisimdb.cli.vql;
