package org.verisimdb.cli.vql;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.verisimdb.cli.vql.Requests.Request;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.ResultJson;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.VqlSession;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;

/**
 * Runs the statements of one invocation in one session, in order, so that a transaction can
 * span them (VQL.md §2.9, §5.13), and stops at the first error: its §10.1 object goes to standard
 * error as one JSON line and the exit code is 1. Results printed before it stay printed; the
 * failed statement had no effect, and a transaction still open is rolled back when the session
 * closes.
 */
final class StatementRunner {
  private final VqlSession session;
  private final ResultPrinter printer;
  private final PrintWriter out;
  private final PrintWriter err;

  StatementRunner(VqlSession session, ResultPrinter printer, PrintWriter out, PrintWriter err) {
    this.session = session;
    this.printer = printer;
    this.out = out;
    this.err = err;
  }

  /** Runs {@code requests} with the {@code --param} values; returns the exit code. */
  int run(List<Request> requests, ParamValues values) {
    try {
      checkAllValuesUsed(requests, values);
      Value.Obj openTransaction = null;
      for (Request request : requests) {
        Value.Obj tx = runOne(request, values);
        if (tx != null) {
          openTransaction = "active".equals(Cells.text(tx.get("state"))) ? tx : null;
        }
      }
      if (openTransaction != null) {
        err.println("note: " + ResultPrinter.transaction(openTransaction) + " was not committed; it is rolled back");
        err.flush();
      }
      return 0;
    } catch (VqlException e) {
      out.flush(); // what was printed before the error comes before it
      error(err, e);
      return 1;
    }
  }

  /** Runs one statement and prints its result; returns its transaction member, if any. */
  private Value.Obj runOne(Request request, ParamValues values) {
    if (!request.syntaxErrors().isEmpty()) {
      throw VqlException.of(request.syntaxErrors());
    }
    try (Result result = request.origin().result(session.execute(request.text(), values.bindingsFor(request.statement())))) {
      printer.print(result);
      return result.transaction();
    } catch (VqlException e) {
      throw request.origin().error(e);
    }
  }

  /**
   * VQL-PARAM-002 before anything runs when a value is used by no statement. Checked only when
   * every statement parses: otherwise the first that does not is the error.
   */
  private static void checkAllValuesUsed(List<Request> requests, ParamValues values) {
    List<Statement> statements = requests.stream().map(Request::statement).toList();
    if (statements.contains(null)) {
      return;
    }
    String unused = values.unused(statements);
    if (unused != null) {
      throw new VqlException(DiagnosticCode.PARAM_002, "value " + unused + " is bound but no statement uses " + unused, null,
          "remove its --param, or use " + unused + " in a statement", Map.of(), List.of());
    }
  }

  /** Prints {@code e} as its VQL.md §10.1 object on one line. */
  static void error(PrintWriter err, VqlException e) {
    JsonPrinter.write(err, g -> ResultJson.writeError(e, g));
  }
}
