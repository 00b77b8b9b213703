package org.verisimdb.cli.admin;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.engine.transfer.Exporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code verisimdb export}: the whole database as JSON Lines with a verifying manifest. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write every octad, with its whole history, as JSON Lines (one octad per line, in id order),",
        "ending with a manifest (counts per modality, SHA-256 of the lines) that import checks."})
public final class ExportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DatabaseOptions database;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write; '-' for standard output.")
  String out;

  @Override
  public Integer call() {
    ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
    try (Database db = VeriSimDB.open(database.requireDirectory().dataDirectory(), database.config(), progress)) {
      Exporter.Report report = OutputTarget.write(out, stream -> db.exportTo(stream, progress));
      spec.commandLine().getErr().printf(Locale.ROOT, "Exported %,d octads (%,d bytes) in %.1f s; SHA-256 of the lines %s%n",
          report.manifest().octads(), report.bytes(), report.elapsed().toMillis() / 1000.0, report.manifest().sha256());
    }
    return 0;
  }
}
