package org.verisimdb.vql.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.lex.Comment;

/** A parsed script (VQL.md §2.9): its statements, and the comments of a script that has none. */
public record ParsedScript(List<ParsedStatement> statements, List<Comment> looseComments, String source) {
  public ParsedScript {
    statements = List.copyOf(statements);
    looseComments = List.copyOf(looseComments);
  }

  /** Every statement's diagnostics, sorted by position. */
  public List<Diagnostic> diagnostics() {
    List<Diagnostic> all = new ArrayList<>();
    for (ParsedStatement s : statements) {
      all.addAll(s.diagnostics());
    }
    all.sort(Comparator.comparingInt((Diagnostic d) -> d.span().start()).thenComparingInt(d -> d.span().end()));
    return all;
  }
}
