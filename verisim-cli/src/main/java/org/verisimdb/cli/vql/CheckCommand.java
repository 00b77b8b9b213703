package org.verisimdb.cli.vql;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.verisimdb.cli.vql.Sources.Source;
import org.verisimdb.vql.Vql;
import org.verisimdb.vql.check.Catalog;
import org.verisimdb.vql.diag.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vql check}: the offline checker of VQL.md §10.3. Lexes, parses and analyses every
 * statement of each script without a database and prints each diagnostic as
 * {@code file:line:col: CODE message}. Exit 1 if any error was found.
 */
@Command(name = "check", mixinStandardHelpOptions = true, description = {
    "Check VQL scripts without a database: syntax, names, types, ranges and proof rules.",
    "Statements are separated by ';'. Prints file:line:col: CODE message per problem; exits 1 if any is an error."})
public final class CheckCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Scripts to check; '-' or none reads standard input.")
  List<String> files;

  @Option(names = "--dimension", paramLabel = "N", description = "The database's vector dimension; without it vector lengths are not checked.")
  Integer dimension;

  @Option(names = "--hints", description = "Print each diagnostic's hint on the line after it.")
  boolean hints;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Catalog catalog = dimension == null ? Catalog.offline() : Catalog.offline().withVectorDimension(dimension);
    boolean errors = false;
    for (Source source : Sources.read(files, System.in)) {
      for (Diagnostic d : Vql.checkScript(source.text(), catalog)) {
        errors |= d.isError();
        out.println(line(source.name(), d));
        if (hints && d.hint() != null) {
          out.println("  hint: " + d.hint());
        }
      }
      if (source.invalidUtf8At() >= 0) {
        errors = true;
        out.println(source.name() + ": VQL-SYNTAX-005 invalid UTF-8 at byte " + source.invalidUtf8At());
      }
    }
    out.flush();
    return errors ? 1 : 0;
  }

  static String line(String file, Diagnostic d) {
    String severity = d.isError() ? "" : "warning ";
    return file + ":" + d.span().line() + ":" + d.span().column() + ": " + severity + d.code().id() + " " + d.message()
        + (d.hint() == null || d.message().contains(d.hint()) ? "" : " (" + d.hint() + ")");
  }
}
