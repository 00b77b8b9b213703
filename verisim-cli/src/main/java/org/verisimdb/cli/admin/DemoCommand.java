package org.verisimdb.cli.admin;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.DatabaseStats;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.facet.ProvenanceFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.testkit.sample.Kind;
import org.verisimdb.testkit.sample.SampleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code verisimdb demo}: opens a database, loads the sample octads (papers, people,
 * organisations, datasets, places and events with all eight modalities) on its first run, and
 * prints what it holds. With {@code --data DIR} the database is on disk and later runs reopen it;
 * without, it lives in memory for the run.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {"Open a database, load the sample data set on the first run, and print a summary.",
        "With --data DIR the database is on disk: the first run creates and loads it, later runs reopen it.",
        "Every sample octad has all eight modalities: a document mentioning a real city, its coordinates, edges to"
            + " related octads, a text-derived vector, a tensor, schema.org types, version metadata and a provenance chain."})
public final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--size", paramLabel = "N", description = "Number of octads to generate (default: ${DEFAULT-VALUE}, the sample set).")
  int size = SampleGenerator.sampleSet().size();

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
  long seed = SampleGenerator.sampleSet().seed();

  @picocli.CommandLine.Mixin
  DatabaseOptions database;

  @Override
  public Integer call() {
    if (size < 1 || size > SampleGenerator.MAX_SIZE) {
      throw new ParameterException(spec.commandLine(), "--size must be between 1 and " + SampleGenerator.MAX_SIZE + ", got " + size);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DatabaseConfig settings = database.config();
    SampleGenerator hashed = new SampleGenerator(seed, size);
    // With automatic embeddings the database computes each vector from the text with its model.
    boolean embedded = settings.indexes().autoEmbed() && settings.vectorDimension() == SampleGenerator.DIMENSION;
    SampleGenerator generator = embedded ? hashed.embeddedByDatabase() : hashed;
    try (Database db = settings.dataDirectory() == null ? VeriSimDB.openInMemory(settings)
        : VeriSimDB.open(settings.dataDirectory(), settings, new ProgressPrinter(err))) {
      String where = db.directory() == null ? "an in-memory database" : db.directory().toString();
      if (db.stats().octads() == 0) {
        out.printf(Locale.ROOT, "VeriSimDB demo: loading %,d sample octads (seed %d) into %s%n", size, seed, where);
        out.flush();
        long start = System.nanoTime();
        Progress progress = new Progress(err, size, start);
        generator.stream().forEach((OctadInput input) -> {
          db.create(input);
          progress.step();
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "Loaded %,d octads in %.2f s (%,.0f octads/s).%n%n", size, seconds, size / Math.max(seconds, 1e-9));
      } else {
        out.printf(Locale.ROOT, "VeriSimDB demo: reopened %s (sample data loaded on an earlier run)%n%n", where);
      }
      printSummary(out, db.stats(), generator);
      int example = generator.count(Kind.PAPER) > 0 ? generator.indexOf(Kind.PAPER, 0) : 0;
      db.get(generator.idOf(example)).ifPresent(octad -> {
        printExample(out, octad);
        octad.document().map(d -> d.title()).ifPresent(title -> {
          out.printf(Locale.ROOT, "%nOctads closest in meaning to \"%s\":%n", title);
          db.search().nearest(title, 4).hits().forEach(h -> out.printf(Locale.ROOT, "  %.3f  %s  %s%n", h.score(), h.octad().id(),
              h.octad().document().map(d -> d.title()).orElse("")));
        });
      });
    }
    return 0;
  }

  private static void printSummary(PrintWriter out, DatabaseStats stats, SampleGenerator generator) {
    out.printf(Locale.ROOT, "Octads: %,d%n", stats.octads());
    out.println("  modality      octads");
    for (Modality m : Modality.values()) {
      out.printf(Locale.ROOT, "  %-10s %,9d%n", m.wireName(), stats.count(m));
    }
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      kinds.put(k, generator.count(k));
    }
    out.println("By kind: " + kinds.entrySet().stream()
        .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue()).collect(Collectors.joining(", ")));
  }

  private static void printExample(PrintWriter out, Octad octad) {
    out.println();
    out.printf("Example: %s \"%s\"%n", octad.id(), octad.document().map(d -> d.title()).orElse(""));
    out.println("  modalities: " + octad.modalities().stream().map(Modality::wireName).collect(Collectors.joining(", ")));
    octad.spatial().ifPresent(s -> out.printf(Locale.ROOT, "  location:   %.4f, %.4f (%s)%n", s.lat(), s.lon(), s.geometryType().displayName()));
    octad.graph().ifPresent(g -> out.println("  edges:      " + g.edges().size() + " (" + String.join(", ", g.predicates()) + ")"));
    octad.vector().ifPresent(v -> out.println("  vector:     " + v.dimension() + " dimensions, model " + v.model()));
    octad.tensor().ifPresent(t -> out.println("  tensor:     " + t.dtype().wireName() + " " + java.util.Arrays.toString(t.shape())));
    octad.semantic().ifPresent(s -> out.println("  types:      " + String.join(", ", s.types())));
    out.printf("  version:    %d, committed %s by %s%n", octad.version(), octad.modifiedAt(), octad.temporal().current().actor());
    ProvenanceFacet p = octad.provenance().orElseThrow();
    out.printf("  provenance: %d records, chain %s, head %s…%n", p.records().size(), p.verify().valid() ? "valid" : "BROKEN",
        p.headHash().substring(0, 16));
  }

  /** Progress lines on stderr for large loads: every 10%, with the running rate. */
  private static final class Progress {
    private final PrintWriter err;
    private final int total;
    private final long start;
    private final int every;
    private int done;

    Progress(PrintWriter err, int total, long start) {
      this.err = err;
      this.total = total;
      this.start = start;
      this.every = total >= 10_000 ? total / 10 : Integer.MAX_VALUE;
    }

    void step() {
      done++;
      if (done % every == 0 && done < total) {
        double seconds = (System.nanoTime() - start) / 1e9;
        err.printf(Locale.ROOT, "  loaded %,d of %,d (%d%%), %,.0f octads/s%n", done, total, 100L * done / total, done / seconds);
        err.flush();
      }
    }
  }
}
