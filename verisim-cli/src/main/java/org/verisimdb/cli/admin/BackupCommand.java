package org.verisimdb.cli.admin;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.engine.backup.BackupReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code verisimdb backup}: a consistent copy, or the log since the last backup. */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = {"Back the database up into a directory. A full backup (into a new or empty directory) copies every store",
        "and the log after the copies; --incremental adds the log since the backup the directory already holds."})
public final class BackupCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DatabaseOptions database;

  @Option(names = "--to", required = true, paramLabel = "DIR", description = "Backup directory.")
  Path to;

  @Option(names = "--incremental", description = "Add the log since the backup already in --to.")
  boolean incremental;

  @Override
  public Integer call() {
    ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
    try (Database db = VeriSimDB.open(database.requireDirectory().dataDirectory(), database.config(), progress)) {
      BackupReport report = db.backup(to, incremental, progress);
      spec.commandLine().getOut().printf(Locale.ROOT, "%s backup in %s: log LSN %d to %d (%,d records, %,d bytes copied now), %.1f s%n",
          incremental ? "Incremental" : "Full", report.target(), report.logFrom(), report.lastLsn(), report.recordsCopied(),
          report.bytesCopied(), report.elapsed().toMillis() / 1000.0);
    }
    return 0;
  }
}
