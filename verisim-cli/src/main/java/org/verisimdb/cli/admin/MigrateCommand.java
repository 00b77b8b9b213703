package org.verisimdb.cli.admin;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.engine.backup.MigrationReport;
import org.verisimdb.model.Modality;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code verisimdb migrate}: the database copied into another storage backend, then checked. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = {"Copy the database, from a consistent snapshot, into a new database stored with another backend,",
        "then check the copy: key counts and SHA-256 of every keyspace, octad counts per modality."})
public final class MigrateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DatabaseOptions database;

  @Option(names = "--backend", required = true, paramLabel = "NAME", description = "The new backend: rocksdb, lmdb, sqlite or memory.")
  String backend;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The new database directory (new or empty).")
  Path out;

  @Override
  public Integer call() {
    ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
    PrintWriter text = spec.commandLine().getOut();
    try (Database db = VeriSimDB.open(database.requireDirectory().dataDirectory(), database.config(), progress)) {
      MigrationReport report = db.migrateTo(out, backend, progress);
      text.printf(Locale.ROOT, "Migrated %s to %s (%s) at LSN %d in %.1f s; the copy checks out:%n", db.directory(), report.target(),
          report.backend(), report.lsn(), report.elapsed().toMillis() / 1000.0);
      text.printf(Locale.ROOT, "  %-12s %,10d%n", "octads", report.octads());
      for (Modality m : Modality.values()) {
        text.printf(Locale.ROOT, "  %-12s %,10d%n", m.wireName(), report.perModality().getOrDefault(m, 0L));
      }
      report.keyspaces().forEach((space, digest) -> text.printf(Locale.ROOT, "  keyspace %-11s %,10d keys  sha256 %s%n", space, digest.keys(),
          digest.sha256()));
    }
    return 0;
  }
}
