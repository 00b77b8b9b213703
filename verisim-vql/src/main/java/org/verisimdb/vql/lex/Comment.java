package org.verisimdb.vql.lex;

import org.verisimdb.vql.diag.Span;

/** A comment as written, delimiters included: {@code -- …} (without the line end) or a block comment. */
public record Comment(Span span, String text) {}
