/**
 * Canonical formatting (VQL.md §11): the printer from syntax tree to text, and the formatter that
 * adds the comments of the source and lays out scripts.
 */
package org.verisimdb.vql.format;
