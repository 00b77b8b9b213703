package org.verisimdb.cli.admin;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.engine.verify.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code verisimdb verify}: check everything; exit 0 only if all is intact. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Check every log record, stored record, version and provenance hash chain, modality hash and count.",
        "Exits 0 only if everything is intact, 4 if anything is damaged (each problem is listed)."})
public final class VerifyCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DatabaseOptions database;

  @Override
  public Integer call() {
    ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    try (Database db = VeriSimDB.open(database.requireDirectory().dataDirectory(), database.config(), progress)) {
      VerifyReport report = db.verify(progress);
      out.printf(Locale.ROOT, "Checked %,d octads (%,d deleted), %,d version records, %,d provenance records, %,d log records in %.1f s%n",
          report.octads(), report.deleted(), report.versions(), report.provenanceRecords(), report.logRecords(),
          report.elapsed().toMillis() / 1000.0);
      if (report.intact()) {
        out.println("Intact.");
        return 0;
      }
      out.printf(Locale.ROOT, "DAMAGED: %,d problems%n", report.problemCount());
      report.problems().forEach(p -> out.println("  " + p));
      if (report.problemCount() > report.problems().size()) {
        out.printf(Locale.ROOT, "  … and %,d more%n", report.problemCount() - report.problems().size());
      }
      return 4;
    }
  }
}
