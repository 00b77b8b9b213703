/**
 * The semantic checker (VQL.md §4–§7): names, types, ranges, grouping, placement rules,
 * parameter binding and the VQL-DT proof rules with their obligations, against a
 * {@link org.verisimdb.vql.check.Catalog} of what the database knows.
 */
package org.verisimdb.vql.check;
