package org.verisimdb.vql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.verisimdb.vql.check.Bindings;
import org.verisimdb.vql.check.Catalog;
import org.verisimdb.vql.check.CheckResult;
import org.verisimdb.vql.check.Checker;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.format.Formatter;
import org.verisimdb.vql.format.Printer;
import org.verisimdb.vql.parse.ParsedScript;
import org.verisimdb.vql.parse.ParsedStatement;
import org.verisimdb.vql.parse.Parser;

/**
 * The VQL front end in one place: parse a request or script, check it against a catalog, format
 * it. Nothing here throws on bad input; every problem is a {@link Diagnostic}. Stateless and
 * thread-safe.
 */
public final class Vql {
  private Vql() {}

  /** Parses a request: one statement, optionally followed by ';' (VQL.md §2.9). */
  public static ParsedStatement parse(String request) {
    return Parser.parseRequest(request);
  }

  public static ParsedScript parseScript(String script) {
    return Parser.parseScript(script);
  }

  /** Parses and analyses a request; the diagnostics of both, sorted by position. */
  public static List<Diagnostic> check(String request, Catalog catalog, Bindings bindings) {
    ParsedStatement parsed = parse(request);
    if (parsed.statement() == null) {
      return parsed.diagnostics();
    }
    return merge(parsed.diagnostics(), Checker.check(parsed.statement(), catalog, bindings).diagnostics());
  }

  /** The offline checker of §10.3: every statement of a script, all diagnostics sorted by position. */
  public static List<Diagnostic> checkScript(String script, Catalog catalog) {
    List<Diagnostic> all = new ArrayList<>();
    for (ParsedStatement s : parseScript(script).statements()) {
      all.addAll(s.diagnostics());
      if (s.statement() != null) {
        CheckResult result = Checker.check(s.statement(), catalog);
        all.addAll(result.diagnostics());
      }
    }
    return merge(all, List.of());
  }

  /** Canonical formatting of a script (§11). */
  public static String format(String script) {
    return Formatter.format(script);
  }

  /** The normalised text of a statement that parses (§11.4), or null if it does not. */
  public static String normalize(String request) {
    ParsedStatement parsed = parse(request);
    return parsed.statement() == null ? null : Printer.print(parsed.statement());
  }

  private static List<Diagnostic> merge(List<Diagnostic> a, List<Diagnostic> b) {
    List<Diagnostic> all = new ArrayList<>(a);
    all.addAll(b);
    all.sort(Comparator.comparingInt((Diagnostic d) -> d.span().start()).thenComparingInt(d -> d.span().end()));
    return all;
  }
}
