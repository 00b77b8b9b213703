package org.verisimdb.cli.admin;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.VeriSimDB;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code verisimdb rdf}: the RDF view of every live octad as N-Triples. */
@Command(name = "rdf", mixinStandardHelpOptions = true,
    description = {"Write the RDF view of every live octad as N-Triples: subjects <graph.rdf_base/id>, edges and",
        "semantic properties as predicates in <graph.rdf_base#NAME>, semantic types as rdf:type."})
public final class RdfCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DatabaseOptions database;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write; '-' for standard output.")
  String out;

  @Override
  public Integer call() {
    ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
    long started = System.nanoTime();
    long triples;
    try (Database db = VeriSimDB.open(database.requireDirectory().dataDirectory(), database.config(), progress)) {
      triples = OutputTarget.write(out, stream -> {
        Writer text = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        long written = db.search().exportRdf(text);
        text.flush();
        return written;
      });
    }
    spec.commandLine().getErr().printf(Locale.ROOT, "Wrote %,d triples in %.1f s%n", triples, (System.nanoTime() - started) / 1e9);
    return 0;
  }
}
