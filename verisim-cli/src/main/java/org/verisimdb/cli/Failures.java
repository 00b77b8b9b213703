package org.verisimdb.cli;

import org.verisimdb.model.error.ErrorCategory;
import org.verisimdb.model.error.VeriSimException;
import picocli.CommandLine;

/**
 * How the command line reports failures: one line on stderr with the stable code and the
 * message, never a stack trace (unless {@code VERISIM_DEBUG} is set), and an exit code by
 * category. Exit codes: 0 success, 1 invalid input or conflict, 2 usage error (picocli),
 * 3 not found, 4 storage failure, 5 unavailable, 70 internal error.
 */
public final class Failures {
  private Failures() {}

  static int report(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    if (e instanceof CommandLine.ParameterException usage) {
      // An option value a command rejects after parsing is a usage error like any other.
      cli.getErr().println(usage.getMessage());
      cli.getErr().println("Try '" + usage.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
      cli.getErr().flush();
      return usage.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
    }
    if (e instanceof VeriSimException v) {
      cli.getErr().println("error " + v.code().id() + " " + v.code() + (v.field() == null ? "" : " at " + v.field()) + ": " + v.getMessage());
    } else {
      cli.getErr().println("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
          + " (this is a bug in VeriSimDB; rerun with VERISIM_DEBUG=1 for details and report it)");
    }
    if (System.getenv("VERISIM_DEBUG") != null) {
      e.printStackTrace(cli.getErr());
    }
    cli.getErr().flush();
    return exitCode(e);
  }

  static int exitCode(Throwable e) {
    return switch (e) {
      case CommandLine.ParameterException usage -> usage.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
      case VeriSimException v -> exitCode(v.code().category());
      default -> 70;
    };
  }

  static int exitCode(ErrorCategory category) {
    return switch (category) {
      case INVALID_INPUT, CONFLICT, RETRY, LIMIT, AUTH -> 1;
      case NOT_FOUND -> 3;
      case STORAGE -> 4;
      case UNAVAILABLE, TIMEOUT -> 5;
      case INTERNAL -> 70;
    };
  }
}
