/**
 * The VQL syntax tree: sealed interfaces with one record per construct, each carrying its source
 * span. Synonymous spellings map to one tree (VQL.md §3, §11.2); spans are not part of tree
 * equality, which {@link org.verisimdb.vql.ast.Trees#same} compares.
 */
package org.verisimdb.vql.ast;
