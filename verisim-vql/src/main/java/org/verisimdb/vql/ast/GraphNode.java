package org.verisimdb.vql.ast;

import org.verisimdb.vql.diag.Span;

/** A node of a graph pattern: {@code (x)}; {@code (?x)} is the same. {@code h} is stored in lower case. */
public record GraphNode(Span span, String variable) {}
