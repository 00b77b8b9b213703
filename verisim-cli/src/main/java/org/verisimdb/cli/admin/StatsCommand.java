package org.verisimdb.cli.admin;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseStats;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.model.Modality;
import org.verisimdb.model.hash.CanonicalJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code verisimdb stats}: how many octads a database holds, and how many have each modality. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Print the number of octads and the number with each modality.")
public final class StatsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DatabaseOptions database;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Database db = VeriSimDB.open(database.requireDirectory().dataDirectory(), database.config(),
        new ProgressPrinter(spec.commandLine().getErr()))) {
      print(out, db.stats(), json);
    }
    return 0;
  }

  static void print(PrintWriter out, DatabaseStats stats, boolean json) {
    if (json) {
      Map<String, Object> modalities = new LinkedHashMap<>();
      for (Modality m : Modality.values()) {
        modalities.put(m.wireName(), stats.count(m));
      }
      out.println(CanonicalJson.write(Map.of("octads", stats.octads(), "modalities", modalities)));
      return;
    }
    out.printf(Locale.ROOT, "Octads: %,d%n", stats.octads());
    out.println("  modality      octads");
    for (Modality m : Modality.values()) {
      out.printf(Locale.ROOT, "  %-10s %,9d%n", m.wireName(), stats.count(m));
    }
  }
}
