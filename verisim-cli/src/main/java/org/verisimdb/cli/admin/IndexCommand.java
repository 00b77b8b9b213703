package org.verisimdb.cli.admin;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.engine.index.IndexReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code verisimdb index}: maintenance of the modality indexes. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {"Maintain the modality indexes (full text, vectors, geo, graph, semantic, tensor, temporal, provenance).",
        "They follow every commit, catch up from the log after a crash and rebuild themselves when their settings change;",
        "rebuild them by hand only after damage."},
    subcommands = {IndexCommand.Rebuild.class, IndexCommand.Compact.class})
public final class IndexCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** {@code verisimdb index rebuild}: rebuild every index from the stored octads, with progress. */
  @Command(name = "rebuild", mixinStandardHelpOptions = true,
      description = {"Rebuild the indexes from every live octad, printing progress on stderr.",
          "Writes may go on meanwhile (through a server on the same database); searches wait until it is done."})
  public static final class Rebuild implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
      ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
      PrintWriter out = spec.commandLine().getOut();
      try (Database db = VeriSimDB.open(database.requireDirectory().dataDirectory(), database.config(), progress)) {
        IndexReport report = db.rebuildIndex(progress);
        out.printf(Locale.ROOT, "Rebuilt the index of %,d octads at LSN %d in %.1f s (%,d bytes)%n", report.octads(), report.lsn(),
            report.elapsed().toMillis() / 1000.0, report.bytes());
        return 0;
      }
    }
  }

  /** {@code verisimdb index compact}: merge the indexes into one segment. */
  @Command(name = "compact", mixinStandardHelpOptions = true,
      description = {"Merge the indexes into one segment, so that searches (vector k-NN above all) visit one structure.",
          "Worth it after a bulk load or import; slow on a large index, and writes wait while it runs."})
  public static final class Compact implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
      ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
      PrintWriter out = spec.commandLine().getOut();
      try (Database db = VeriSimDB.open(database.requireDirectory().dataDirectory(), database.config(), progress)) {
        spec.commandLine().getErr().println("Merging the index into one segment…");
        IndexReport report = db.compactIndex();
        out.printf(Locale.ROOT, "Compacted the index of %,d octads at LSN %d in %.1f s (%,d bytes)%n", report.octads(), report.lsn(),
            report.elapsed().toMillis() / 1000.0, report.bytes());
        return 0;
      }
    }
  }
}
