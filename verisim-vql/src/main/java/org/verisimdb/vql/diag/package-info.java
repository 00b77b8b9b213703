/** Diagnostics: source spans, the stable VQL codes, "did you mean" hints and their text rendering. */
package org.verisimdb.vql.diag;
