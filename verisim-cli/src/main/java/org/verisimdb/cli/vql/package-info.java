/**
 * {@code bin/vql}: VQL statements run on an embedded database ({@code -c}, {@code -f}) with results
 * as VQL.md §9 JSON, a table or CSV, and the offline checker and formatter ({@code vql check},
 * {@code vql fmt}) on files or standard input.
 */
package org.verisimdb.cli.vql;
