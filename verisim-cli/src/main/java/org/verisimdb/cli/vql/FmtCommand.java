package org.verisimdb.cli.vql;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.verisimdb.cli.vql.Sources.Source;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.format.Formatter;
import org.verisimdb.vql.parse.ParsedScript;
import org.verisimdb.vql.parse.Parser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vql fmt}: canonical formatting (VQL.md §11). Prints the formatted text, or with
 * {@code --check} names the files that are not formatted. A statement with syntax errors is
 * kept as written and its errors go to standard error. Exit 1 if a file is not formatted
 * ({@code --check}) or has syntax errors.
 */
@Command(name = "fmt", mixinStandardHelpOptions = true, description = {
    "Print VQL scripts in canonical form (keywords upper case, one clause per line, comments kept).",
    "With --check, print nothing but the names of files that are not formatted, and exit 1 if there are any."})
public final class FmtCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Scripts to format; '-' or none reads standard input.")
  List<String> files;

  @Option(names = "--check", description = "Do not print the formatted text; name each file that formatting would change.")
  boolean check;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean failed = false;
    for (Source source : Sources.read(files, System.in)) {
      if (source.invalidUtf8At() >= 0) {
        err.println(source.name() + ": VQL-SYNTAX-005 invalid UTF-8 at byte " + source.invalidUtf8At());
        failed = true;
        continue;
      }
      ParsedScript script = Parser.parseScript(source.text());
      for (Diagnostic d : script.diagnostics()) {
        if (d.isError()) {
          failed = true;
          err.println(CheckCommand.line(source.name(), d));
        }
      }
      String formatted = Formatter.format(script);
      if (check) {
        if (!formatted.equals(source.text())) {
          out.println(source.name());
          failed = true;
        }
      } else {
        out.print(formatted);
      }
    }
    out.flush();
    err.flush();
    return failed ? 1 : 0;
  }
}
