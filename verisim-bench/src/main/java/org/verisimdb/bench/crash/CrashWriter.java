package org.verisimdb.bench.crash;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.Isolation;
import org.verisimdb.engine.Transaction;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;

/**
 * The process the crash test kills: opens a database (recovering it), then writes from several
 * threads until killed. Before each commit it prints {@code TRY <id> <op>} (op: CREATE, UPDATE
 * or DELETE), and once the commit is acknowledged {@code ACK <id> <version> <content hash>} or
 * {@code ACK <id> <version> DELETED}. Each thread owns its ids, so at most one commit per thread
 * is in flight when the kill comes, and the TRY without an ACK says which.
 *
 * <p>Some commits are multi-octad transactions: a thread's group transaction creates three new
 * octads and deletes the three its previous group transaction created. It prints
 * {@code TXTRY <tag> <new ids, comma-separated> <old ids or ->} before the commit and
 * {@code TXACK <tag>} after it: after a kill, each such transaction must be wholly present or
 * wholly absent.
 *
 * <p>Arguments: directory, backend, seed, cycle number, threads.
 */
public final class CrashWriter {
  static final int DIMENSION = 8;

  private CrashWriter() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]);
    String backend = args[1];
    long seed = Long.parseLong(args[2]);
    int cycle = Integer.parseInt(args[3]);
    int threads = Integer.parseInt(args[4]);
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, "UTF-8");
    Database db = VeriSimDB.open(directory, CrashHarness.config(backend));
    out.println("READY");
    out.flush();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      writers.add(Thread.ofPlatform().name("crash-writer-" + t).start(() -> write(db, out, seed * 31 + thread, cycle, thread)));
    }
    for (Thread w : writers) {
      w.join();
    }
    db.close();
    out.println("DONE");
    out.flush();
  }

  private static void write(Database db, PrintStream out, long seed, int cycle, int thread) {
    Random random = new Random(seed);
    List<OctadId> live = new ArrayList<>();
    List<OctadId> group = List.of();
    for (int n = 0; n < 200_000; n++) {
      int choice = random.nextInt(100);
      if (choice >= 95) {
        group = groupTransaction(db, out, "c%d-t%d-g%d".formatted(cycle, thread, n), group, random);
      } else if (live.isEmpty() || choice < 50) {
        OctadId id = OctadId.of("c%d-t%d-%d".formatted(cycle, thread, n));
        intent(out, id, "CREATE");
        Octad created = db.create(input(id, random));
        live.add(id);
        ack(out, created);
      } else if (choice < 85) {
        OctadId id = live.get(random.nextInt(live.size()));
        intent(out, id, "UPDATE");
        OctadPatch.Builder patch = OctadPatch.builder().set(Modality.DOCUMENT, "counter", n).set(Modality.SPATIAL, "lat", random.nextDouble(-80, 80));
        if (random.nextBoolean()) {
          patch.replace(vector(random));
        }
        if (random.nextBoolean()) {
          patch.addEdge(Edge.to("NEXT", "c%d-t%d-%d".formatted(cycle, thread, n)));
        }
        ack(out, db.update(id, patch.build()));
      } else {
        OctadId id = live.remove(random.nextInt(live.size()));
        intent(out, id, "DELETE");
        long version = db.delete(id);
        synchronized (out) {
          out.println("ACK " + id + " " + version + " DELETED");
          out.flush();
        }
      }
    }
  }

  // Creates three octads and deletes the previous group in one transaction; returns the new group.
  private static List<OctadId> groupTransaction(Database db, PrintStream out, String tag, List<OctadId> previous, Random random) {
    List<OctadId> created = List.of(OctadId.of(tag + "-0"), OctadId.of(tag + "-1"), OctadId.of(tag + "-2"));
    try (Transaction tx = db.begin(Isolation.SNAPSHOT)) {
      for (OctadId id : created) {
        tx.create(input(id, random));
      }
      for (OctadId id : previous) {
        tx.delete(id);
      }
      synchronized (out) {
        out.println("TXTRY " + tag + " " + ids(created) + " " + (previous.isEmpty() ? "-" : ids(previous)));
        out.flush();
      }
      tx.commit();
    }
    synchronized (out) {
      out.println("TXACK " + tag);
      out.flush();
    }
    return created;
  }

  private static String ids(List<OctadId> ids) {
    return String.join(",", ids.stream().map(OctadId::value).toList());
  }

  private static void intent(PrintStream out, OctadId id, String op) {
    synchronized (out) {
      out.println("TRY " + id + " " + op);
      out.flush();
    }
  }

  private static void ack(PrintStream out, Octad octad) {
    synchronized (out) {
      out.println("ACK " + octad.id() + " " + octad.version() + " " + octad.temporal().current().contentHash());
      out.flush();
    }
  }

  private static OctadInput input(OctadId id, Random random) {
    return OctadInput.builder().id(id)
        .with(DocumentFacet.of(Map.of("title", "octad " + id, "body", "written before a crash ".repeat(1 + random.nextInt(20)), "counter", 0)))
        .with(vector(random))
        .with(SpatialFacet.point(random.nextDouble(-80, 80), random.nextDouble(-170, 170)))
        .with(GraphFacet.of(Edge.to("FIRST", "root")))
        .with(TensorFacet.ofDoubles(new int[] {2, 3}, random.doubles(6).toArray()))
        .build();
  }

  private static VectorFacet vector(Random random) {
    float[] v = new float[DIMENSION];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextFloat();
    }
    return new VectorFacet(v, "crash-test");
  }
}
