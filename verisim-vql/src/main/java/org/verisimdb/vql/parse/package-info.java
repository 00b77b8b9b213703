/**
 * The recursive-descent VQL parser: one class per area of the grammar (statements, SELECT,
 * conditions, modality predicates, graph patterns, proofs, mutations, values), sharing one
 * {@link org.verisimdb.vql.parse.Tokens} stream. It never throws on bad input: it reports
 * diagnostics and recovers at clause and statement boundaries.
 */
package org.verisimdb.vql.parse;
