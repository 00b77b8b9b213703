package org.verisimdb.vql.format;

/**
 * One printed line. {@code nodeStart} is the source offset of the node the line prints, and
 * {@code keyword} the clause keyword that precedes it in the source ("" for none); comments are
 * placed by them.
 */
record Line(String text, int nodeStart, String keyword) {}
