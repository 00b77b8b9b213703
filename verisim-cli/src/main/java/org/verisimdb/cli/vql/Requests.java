package org.verisimdb.cli.vql;

import java.util.ArrayList;
import java.util.List;
import org.verisimdb.vql.Vql;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.parse.ParsedScript;
import org.verisimdb.vql.parse.ParsedStatement;

/**
 * The statements one invocation runs, in order (VQL.md §2.9): each {@code -c} argument is a
 * request of its own; a script is split by the VQL parser, which respects strings, comments and
 * globs, and its empty statements are dropped.
 */
final class Requests {
  /**
   * One statement to run.
   *
   * @param text what is sent to the session
   * @param statement its syntax tree, or null when it does not parse (the session then reports why)
   * @param syntaxErrors for a script statement that does not parse, its diagnostics in script positions; else empty
   * @param origin where {@code text} starts in its script
   */
  record Request(String text, Statement statement, List<Diagnostic> syntaxErrors, Origin origin) {}

  private Requests() {}

  static List<Request> ofCommands(List<String> commands) {
    List<Request> out = new ArrayList<>();
    for (String text : commands) {
      out.add(new Request(text, Vql.parse(text).statement(), List.of(), Origin.NONE));
    }
    return out;
  }

  static List<Request> ofScript(String script) {
    ParsedScript parsed = Vql.parseScript(script);
    List<Request> out = new ArrayList<>();
    for (ParsedStatement s : parsed.statements()) {
      List<Diagnostic> errors = s.hasErrors() ? s.diagnostics() : List.of();
      out.add(new Request(s.text(), s.statement(), errors, Origin.of(s.span())));
    }
    return out;
  }
}
