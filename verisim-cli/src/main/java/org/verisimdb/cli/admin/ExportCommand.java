package org.verisimdb.cli.admin;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.engine.transfer.Exporter;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
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
      Exporter.Report report;
      if (out.equals("-")) {
        OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
        report = db.exportTo(stdout, progress);
      } else {
        // Written beside the target and renamed at the end: a failed export never leaves a file that looks whole.
        Path target = Path.of(out).toAbsolutePath();
        Path temp = target.resolveSibling(target.getFileName() + ".partial");
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
          report = db.exportTo(file, progress);
        } catch (IOException e) {
          throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot write " + temp + ": " + e.getMessage(), e);
        }
        try {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot rename " + temp + " to " + target + ": " + e.getMessage(), e);
        }
      }
      spec.commandLine().getErr().printf(Locale.ROOT, "Exported %,d octads (%,d bytes) in %.1f s; SHA-256 of the lines %s%n",
          report.manifest().octads(), report.bytes(), report.elapsed().toMillis() / 1000.0, report.manifest().sha256());
    }
    return 0;
  }
}
