package org.verisimdb.cli.admin;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.engine.backup.RestorePoint;
import org.verisimdb.engine.backup.RestoreReport;
import org.verisimdb.model.Timestamps;
import org.verisimdb.model.error.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code verisimdb restore}: a backup into a new database, to its end, an LSN or a time. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Restore a backup into a new database directory, replaying its log to the end, to an LSN, or to the last",
        "commit at or before a time (ISO 8601, e.g. 2026-11-21T10:00:00Z)."})
public final class RestoreCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DatabaseOptions settings;

  @Option(names = "--from", required = true, paramLabel = "DIR", description = "The backup directory.")
  Path from;

  @Option(names = "--to", required = true, paramLabel = "DIR", description = "The new database directory (new or empty).")
  Path to;

  @Option(names = "--until", paramLabel = "TIMESTAMP|LSN", description = "Stop at this LSN (a number) or time (default: the end of the backup).")
  String until;

  @Override
  public Integer call() {
    RestorePoint point = until == null ? RestorePoint.latest()
        : until.chars().allMatch(Character::isDigit) ? new RestorePoint.AtLsn(Long.parseLong(until))
        : new RestorePoint.AtTime(Timestamps.parse(until, ErrorCode.INVALID_ARGUMENT, "until"));
    RestoreReport report = VeriSimDB.restore(from, to, point, settings.config(), new ProgressPrinter(spec.commandLine().getErr()));
    spec.commandLine().getOut().printf(Locale.ROOT, "Restored %s into %s at LSN %d: %,d log records replayed, %,d octads, %.1f s%n", from,
        report.target(), report.lsn(), report.records(), report.octads(), report.elapsed().toMillis() / 1000.0);
    return 0;
  }
}
