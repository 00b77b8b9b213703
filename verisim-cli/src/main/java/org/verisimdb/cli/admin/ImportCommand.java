package org.verisimdb.cli.admin;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.engine.transfer.Importer;
import org.verisimdb.storage.wal.SyncMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code verisimdb import}: load an export, checked against its manifest first. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Load a file written by export. The whole file is checked against its manifest first: a cut, altered or",
        "conflicting file is refused and nothing is imported. Octads are then committed 1,000 at a time; each",
        "'committed N' line is printed once those N octads are durable, so after a crash at least N are there."})
public final class ImportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DatabaseOptions database;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "The export file.")
  Path in;

  @Option(names = "--sync", paramLabel = "MODE", description = "Log sync mode for the import: fsync or async (default: the database's).")
  String sync;

  @Override
  public Integer call() {
    DatabaseConfig config = database.requireDirectory();
    if (sync != null) {
      config = config.withWalSync(SyncMode.parse(sync));
    }
    PrintWriter out = spec.commandLine().getOut();
    ProgressPrinter checking = new ProgressPrinter(spec.commandLine().getErr());
    try (Database db = VeriSimDB.open(config.dataDirectory(), config, checking)) {
      Importer.Report report = db.importFrom(in, (stage, done, total) -> {
        if (stage.equals("imported")) {
          out.printf(Locale.ROOT, "committed %d of %d%n", done, total);
          out.flush();
        } else {
          checking.update(stage, done, total);
        }
      });
      spec.commandLine().getErr().printf(Locale.ROOT, "Imported %,d octads in %,d batches in %.1f s%n", report.octads(), report.batches(),
          report.elapsed().toMillis() / 1000.0);
    }
    return 0;
  }
}
