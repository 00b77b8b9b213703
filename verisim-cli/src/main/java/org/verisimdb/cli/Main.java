package org.verisimdb.cli;

import java.io.PrintWriter;
import org.verisimdb.cli.admin.BackupCommand;
import org.verisimdb.cli.admin.CheckpointCommand;
import org.verisimdb.cli.admin.DemoCommand;
import org.verisimdb.cli.admin.IndexCommand;
import org.verisimdb.cli.admin.RdfCommand;
import org.verisimdb.cli.admin.ExportCommand;
import org.verisimdb.cli.admin.GetCommand;
import org.verisimdb.cli.admin.ImportCommand;
import org.verisimdb.cli.admin.MigrateCommand;
import org.verisimdb.cli.admin.RestoreCommand;
import org.verisimdb.cli.admin.StatsCommand;
import org.verisimdb.cli.admin.VerifyCommand;
import org.verisimdb.cli.vql.VqlCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/verisimdb}: administration of VeriSimDB databases. Each subcommand is its own class;
 * this one only wires them together and maps failures to exit codes ({@link Failures}).
 */
@Command(
    name = "verisimdb",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "VeriSimDB: a multimodal database that keeps eight views of every entity consistent.",
    subcommands = {DemoCommand.class, StatsCommand.class, GetCommand.class, ExportCommand.class, ImportCommand.class, BackupCommand.class,
        RestoreCommand.class, MigrateCommand.class, CheckpointCommand.class, VerifyCommand.class, IndexCommand.class, RdfCommand.class, VqlCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Run 'verisimdb help <command>' or 'verisimdb <command> --help' for a command's options."})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given output streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(new Main(), args, out, err);
  }

  /** Runs {@code command} as the top-level command, with this command line's failure reporting. */
  public static int run(Object command, String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(command);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(Failures::report);
    cli.setExitCodeExceptionMapper(Failures::exitCode);
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the jar manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"VeriSimDB " + (version == null ? "development build" : version), "Java " + Runtime.version()};
    }
  }
}
