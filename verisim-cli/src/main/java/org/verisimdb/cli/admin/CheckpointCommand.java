package org.verisimdb.cli.admin;

import java.util.concurrent.Callable;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.VeriSimDB;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code verisimdb checkpoint}: make the stores durable and drop the log they no longer need. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
    description = {"Sync every store and delete the log segments they no longer need.",
        "Opening the database first replays whatever the log holds beyond the stores."})
public final class CheckpointCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DatabaseOptions database;

  @Override
  public Integer call() {
    try (Database db = VeriSimDB.open(database.requireDirectory().dataDirectory(), database.config(),
        new ProgressPrinter(spec.commandLine().getErr()))) {
      db.checkpoint();
      spec.commandLine().getOut().println("Checkpoint of " + db.directory() + " done: " + db.stats().octads() + " octads.");
    }
    return 0;
  }
}
