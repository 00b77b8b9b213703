package org.verisimdb.cli.vql;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.verisimdb.cli.admin.DatabaseOptions;
import org.verisimdb.cli.vql.Requests.Request;
import org.verisimdb.cli.vql.Sources.Source;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.VqlSession;
import org.verisimdb.vql.diag.DiagnosticCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vql}: runs VQL statements on an embedded database ({@code -c}, {@code -f}), and wires in
 * the offline subcommands {@code check} and {@code fmt}. The options are read here; running is
 * {@link StatementRunner}'s, printing a {@link ResultPrinter}'s.
 */
@Command(name = "vql", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run VQL statements on a database, or check and format VQL scripts offline.",
        "With -c or -f, runs the statements in order in one session and prints each result; stops at the first error, "
            + "prints its error object (VQL.md §10.1) as JSON on standard error and exits 1. Usage errors exit 2."},
    subcommands = {CheckCommand.class, FmtCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Examples:", "  vql --data db -c 'SELECT id FROM OCTADS LIMIT $1' --param 1=5",
        "  vql --data db -f queries.vql --format table", "  vql check queries.vql"})
public final class VqlCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  DatabaseOptions database;

  @Option(names = {"-c", "--command"}, paramLabel = "STATEMENT",
      description = "A statement to run; repeat for several, which run in order in one session (BEGIN … COMMIT may span them).")
  List<String> commands;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE",
      description = "A script to run: statements separated by ';' ('-' reads standard input). Cannot be combined with -c.")
  String file;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = {
      "A parameter value, repeatable: 1=… or $1=… for $1, name=… or :name=… for :name. The value is read as a VQL literal "
          + "(42, 2.5, TRUE, NULL, 'text', [1, 2], 2024-05-01); anything else is a string. Each statement gets the values it uses."})
  List<String> params;

  @Option(names = "--format", paramLabel = "FORMAT", converter = OutputFormat.Converter.class,
      description = "json (default: one VQL.md §9.1 result object per statement, one per line), table, or csv (RFC 4180).")
  OutputFormat format;

  @Option(names = "--principal", paramLabel = "NAME", description = "Run as this principal (default: the database's default principal).")
  String principal;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (commands == null && file == null) {
      if (database.given() || params != null || format != null || principal != null) {
        throw usage("give -c STATEMENT or -f FILE to run statements (there is no interactive shell yet)");
      }
      spec.commandLine().usage(out);
      return 0;
    }
    if (commands != null && file != null) {
      throw usage("-c and -f cannot be combined: put all the statements in the file");
    }
    ParamValues values;
    try {
      values = ParamValues.parse(params);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    List<Request> requests;
    if (commands != null) {
      requests = Requests.ofCommands(commands);
    } else {
      Source source = Sources.read(List.of(file), System.in).getFirst();
      if (source.invalidUtf8At() >= 0) {
        StatementRunner.error(err, new VqlException(DiagnosticCode.SYNTAX_005, source.name() + ": invalid UTF-8 at byte " + source.invalidUtf8At()));
        return 1;
      }
      requests = Requests.ofScript(source.text());
    }
    ResultPrinter printer = ResultPrinter.of(format == null ? OutputFormat.JSON : format, out, err);
    try (Database db = database.open(err); VqlSession session = principal == null ? db.vql() : db.vql(principal)) {
      return new StatementRunner(session, printer, out, err).run(requests, values);
    } finally {
      out.flush();
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
