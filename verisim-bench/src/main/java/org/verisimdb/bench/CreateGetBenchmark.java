package org.verisimdb.bench;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;
import org.verisimdb.testkit.sample.SampleGenerator;

/**
 * The embedded in-memory path: create, get and update of realistic sample octads (all eight
 * modalities, 384-dimensional vectors). Create writes a full octad with its version record and
 * provenance chain; get reads one back whole, history and chain included.
 *
 * <p>Run: {@code bin/bench CreateGetBenchmark} (see verisim-bench/README.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class CreateGetBenchmark {

  /** A database preloaded with sample octads, shared by the read and update benchmarks. */
  @State(Scope.Benchmark)
  public static class Loaded {
    @Param("10000")
    public int octads;

    Database db;
    OctadId[] ids;

    @Setup(Level.Trial)
    public void load() {
      db = VeriSimDB.openInMemory();
      SampleGenerator generator = new SampleGenerator(42, octads);
      generator.stream().forEach(db::create);
      ids = new OctadId[octads];
      for (int i = 0; i < octads; i++) {
        ids[i] = generator.idOf(i);
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      db.close();
    }
  }

  /** Inputs without ids (each create gets a fresh UUID) and an empty database per iteration. */
  @State(Scope.Benchmark)
  public static class Empty {
    Database db;
    OctadInput[] inputs;

    @Setup(Level.Trial)
    public void prepare() {
      List<OctadInput> sample = new SampleGenerator(7, 4096).stream()
          .map(in -> new OctadInput(null, in.facets(), in.temporal(), in.provenance())).toList();
      inputs = sample.toArray(OctadInput[]::new);
    }

    // A fresh database per iteration keeps memory bounded however fast creates run.
    @Setup(Level.Iteration)
    public void open() {
      db = VeriSimDB.openInMemory();
    }

    @TearDown(Level.Iteration)
    public void close() {
      db.close();
    }
  }

  /** Per-thread position, so threads do not contend on a shared counter. */
  @State(Scope.Thread)
  public static class Cursor {
    int next = (int) (Thread.currentThread().threadId() * 7919);

    int next(int bound) {
      next = (next * 1_103_515_245 + 12_345) & Integer.MAX_VALUE;
      return next % bound;
    }
  }

  @Benchmark
  public Octad create(Empty state, Cursor cursor) {
    return state.db.create(state.inputs[cursor.next(state.inputs.length)]);
  }

  @Benchmark
  public Optional<Octad> get(Loaded state, Cursor cursor) {
    return state.db.get(state.ids[cursor.next(state.ids.length)]);
  }

  @Benchmark
  @Threads(2)
  public Optional<Octad> getTwoThreads(Loaded state, Cursor cursor) {
    return state.db.get(state.ids[cursor.next(state.ids.length)]);
  }

  @Benchmark
  public Octad updateField(Loaded state, Cursor cursor) {
    int i = cursor.next(state.ids.length);
    return state.db.update(state.ids[i], OctadPatch.builder().set(Modality.DOCUMENT, "reviewed", cursor.next).build());
  }
}
