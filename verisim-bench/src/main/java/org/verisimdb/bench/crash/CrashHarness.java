package org.verisimdb.bench.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.DatabaseStats;
import org.verisimdb.engine.Page;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.facet.ContentHash;
import org.verisimdb.model.facet.VersionRecord;
import org.verisimdb.storage.wal.SyncMode;

/**
 * Kills a writing process with SIGKILL at random moments and checks, after each kill, that the
 * database reopens with every acknowledged commit present and intact and nothing half-applied:
 * <ul>
 *   <li>each octad is exactly as its last acknowledged commit left it; only an octad whose
 *       commit was in flight at the kill (announced, not acknowledged) may instead be as that
 *       commit leaves it: one version further, deleted, or for a create, not there yet;
 *   <li>every live octad's stored modalities hash to what its current version record says
 *       (a half-applied write would not), its version chain links, its provenance chain
 *       verifies;
 *   <li>the stored counts equal a recount;
 *   <li>the index, caught up from the log on open, holds exactly the live octads at their
 *       stored versions ({@link Database#verify}).
 * </ul>
 * Not thread-safe; one harness runs one database.
 */
public final class CrashHarness {
  /** What a run found. */
  /** @param groupTransactions multi-octad transactions whose all-or-nothing outcome was checked */
  public record Report(String backend, int cycles, long acknowledged, long groupTransactions, int aheadMax, Duration elapsed) {}

  /** The last acknowledged state of one octad: its version and content hash, or deleted. */
  record Expected(long version, String hash, boolean deleted) {}

  /** Ids whose last announced commit was not acknowledged, with that commit's kind. */
  private final Map<String, String> inFlight = new HashMap<>();
  /** Octads of acknowledged group transactions: whether each must exist. */
  private final Map<String, Boolean> groupMembers = new HashMap<>();
  /** Group transactions announced and not acknowledged: tag → {created ids, deleted ids}. */
  private final Map<String, List<List<String>>> groupsInFlight = new HashMap<>();
  private long groupsChecked;

  private final Path directory;
  private final String backend;
  private final int threads;
  private final Random random;
  private final Map<String, Expected> expected = new HashMap<>();

  public CrashHarness(Path directory, String backend, int threads, long seed) {
    this.directory = directory;
    this.backend = backend;
    this.threads = threads;
    this.random = new Random(seed);
  }

  /** The configuration under test: fsync, small log segments, frequent checkpoints (so kills land in them too). */
  static DatabaseConfig config(String backend) {
    return DatabaseConfig.defaults().withBackend(backend).withWalSync(SyncMode.FSYNC).withVectorDimension(CrashWriter.DIMENSION)
        .with(Map.of("checkpoint.interval_s", "1", "wal.segment_mb", "1"), "crash test");
  }

  /** Runs {@code cycles} kill-and-check cycles; throws AssertionError at the first violation. */
  public Report run(int cycles, Duration maxKillDelay) throws IOException, InterruptedException {
    long started = System.nanoTime();
    long acknowledged = 0;
    int aheadMax = 0;
    for (int cycle = 0; cycle < cycles; cycle++) {
      acknowledged += runWriter(cycle, maxKillDelay);
      aheadMax = Math.max(aheadMax, verify(cycle));
      if ((cycle + 1) % 50 == 0) {
        System.err.printf("%s: %d of %d cycles passed, %d acknowledged commits checked, %d s%n", backend, cycle + 1, cycles, acknowledged,
            Duration.ofNanos(System.nanoTime() - started).toSeconds());
      }
    }
    return new Report(backend, cycles, acknowledged, groupsChecked, aheadMax, Duration.ofNanos(System.nanoTime() - started));
  }

  private long runWriter(int cycle, Duration maxKillDelay) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    // The child's own temporary directory: a killed child cannot delete what it unpacked there
    // (RocksDB's native library, about 17 MB), so it is emptied after every cycle.
    Path childTmp = Files.createDirectories(directory.resolveSibling(directory.getFileName() + ".tmp"));
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Djava.io.tmpdir=" + childTmp, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "-DOPT_OUT_TRACKING=true",
        "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), directory.toString(), backend,
        Long.toString(random.nextLong()), Integer.toString(cycle), Integer.toString(threads)));
    Process child = new ProcessBuilder(command).redirectError(directory.resolveSibling(directory.getFileName() + ".stderr").toFile()).start();
    long acks = 0;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String ready = lines.readLine();
      if (!"READY".equals(ready)) {
        child.destroyForcibly().waitFor();
        throw new AssertionError("cycle " + cycle + ": the writer did not start (" + ready + "): "
            + Files.readString(directory.resolveSibling(directory.getFileName() + ".stderr")));
      }
      long killAt = System.nanoTime() + (long) (random.nextDouble() * maxKillDelay.toNanos());
      Thread killer = Thread.ofPlatform().name("crash-killer").start(() -> {
        try {
          long wait = killAt - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
          // SIGKILL, and nothing else: Process.destroyForcibly would also close our end of the pipe
          // and lose acknowledgements the child wrote just before it died.
          child.toHandle().destroyForcibly();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      String line;
      inFlight.clear();
      groupsInFlight.clear();
      while ((line = lines.readLine()) != null) {
        String[] parts = line.split(" ");
        if (line.startsWith("TXTRY ") && parts.length == 4) {
          groupsInFlight.put(parts[1], List.of(List.of(parts[2].split(",")), parts[3].equals("-") ? List.of() : List.of(parts[3].split(","))));
        } else if (line.startsWith("TXACK ") && parts.length == 2) {
          List<List<String>> tx = groupsInFlight.remove(parts[1]);
          tx.get(0).forEach(id -> groupMembers.put(id, true));
          tx.get(1).forEach(id -> groupMembers.put(id, false));
          acks++;
          groupsChecked++;
        } else if (line.startsWith("TRY ") && parts.length == 3) {
          inFlight.put(parts[1], parts[2]);
        } else if (line.startsWith("ACK ") && parts.length == 4) {
          boolean deleted = parts[3].equals("DELETED");
          expected.put(parts[1], new Expected(Long.parseLong(parts[2]), deleted ? null : parts[3], deleted));
          inFlight.remove(parts[1]);
          acks++;
        }
      }
      killer.join();
    }
    child.waitFor(1, TimeUnit.MINUTES);
    deleteContents(childTmp);
    return acks;
  }

  /** Deletes everything under {@code dir}, keeping {@code dir}. */
  static void deleteContents(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
  }

  /** Opens the database as a restarted server would and checks it; returns how many octads were ahead of their acks. */
  private int verify(int cycle) {
    int ahead = 0;
    try (Database db = VeriSimDB.open(directory, config(backend))) {
      for (Map.Entry<String, Expected> e : expected.entrySet()) {
        Expected want = e.getValue();
        Octad got = db.get(e.getKey()).orElse(null);
        String pending = inFlight.get(e.getKey());
        String where = "cycle " + cycle + ", octad " + e.getKey() + " (" + backend + ")";
        if (want.deleted()) {
          check(got == null, where + ": deleted (version " + want.version() + ") but present");
        } else if (got == null) {
          check("DELETE".equals(pending), where + ": acknowledged at version " + want.version() + " but missing");
          ahead++;
        } else if (got.version() == want.version()) {
          check(want.hash().equals(got.temporal().current().contentHash()), where + ": version " + want.version() + " has other content");
        } else {
          check("UPDATE".equals(pending) && got.version() == want.version() + 1,
              where + ": at version " + got.version() + ", acknowledged " + want.version() + (pending == null ? ", nothing in flight" : ""));
          ahead++;
        }
      }
      // A create in flight may have become durable: then it is a new baseline, checked from now on.
      for (Map.Entry<String, String> e : inFlight.entrySet()) {
        if (e.getValue().equals("CREATE") && !expected.containsKey(e.getKey())) {
          db.get(e.getKey()).ifPresent(o -> expected.put(e.getKey(), new Expected(o.version(), o.temporal().current().contentHash(), false)));
        }
      }
      checkGroups(db, cycle);
      check(ahead <= threads, "cycle " + cycle + ": " + ahead + " octads ahead of their acknowledgement, more than the " + threads + " writers");
      long live = checkEveryOctad(db, cycle);
      // The indexes, caught up from the log on open, hold exactly the live octads at their stored versions.
      var report = db.verify(org.verisimdb.engine.Progress.NONE);
      check(report.intact(), "cycle " + cycle + " (" + backend + "): verify found " + report.problemCount() + " problems: " + report.problems());
      DatabaseStats stats = db.stats();
      check(stats.octads() == live, "cycle " + cycle + ": counts say " + stats.octads() + " octads, " + live + " are there");
      // What survived of commits in flight is the new baseline.
      for (Map.Entry<String, Expected> e : expected.entrySet()) {
        Octad got = db.get(e.getKey()).orElse(null);
        e.setValue(got == null ? new Expected(e.getValue().version(), null, true)
            : new Expected(got.version(), got.temporal().current().contentHash(), false));
      }
    }
    return ahead;
  }

  private long checkEveryOctad(Database db, int cycle) {
    long live = 0;
    Map<Modality, Long> perModality = new HashMap<>();
    String cursor = null;
    do {
      Page<Octad> page = db.list(cursor, 500);
      for (Octad octad : page.items()) {
        live++;
        octad.modalities().forEach(m -> perModality.merge(m, 1L, Long::sum));
        String where = "cycle " + cycle + ", octad " + octad.id() + " (" + backend + ")";
        VersionRecord current = octad.temporal().current();
        Map<Modality, String> hashes = ContentHash.modalityHashes(octad.facets());
        check(current.modalityHashes().equals(hashes), where + ": stored modalities do not match the version record (half applied?)");
        check(current.contentHash().equals(ContentHash.ofOctad(octad.id(), hashes)), where + ": content hash mismatch");
        check(current.recomputeHash().equals(current.versionHash()), where + ": version record hash mismatch");
        List<VersionRecord> versions = octad.temporal().versions();
        for (int i = 0; i + 1 < versions.size(); i++) {
          check(versions.get(i).parentHash().equals(versions.get(i + 1).versionHash()), where + ": version chain broken");
        }
        check(octad.provenance().orElseThrow().verify().valid(), where + ": provenance chain broken");
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    for (Modality m : Modality.values()) {
      check(db.stats().count(m) == perModality.getOrDefault(m, 0L),
          "cycle " + cycle + ": counts say " + db.stats().count(m) + " octads have " + m + ", " + perModality.getOrDefault(m, 0L) + " do");
    }
    return live;
  }

  // Every group transaction is wholly there or wholly not: acknowledged ones wholly there.
  private void checkGroups(Database db, int cycle) {
    java.util.Set<String> unsettled = new java.util.HashSet<>();
    groupsInFlight.values().forEach(tx -> tx.forEach(unsettled::addAll));
    groupMembers.forEach((id, exists) -> {
      if (!unsettled.contains(id)) {
        check(db.get(id).isPresent() == exists, "cycle " + cycle + ", group octad " + id + " (" + backend + "): "
            + (exists ? "created by an acknowledged transaction but missing" : "deleted by an acknowledged transaction but present"));
      }
    });
    groupsInFlight.forEach((tag, tx) -> {
      long created = tx.get(0).stream().filter(id -> db.get(id).isPresent()).count();
      long deleted = tx.get(1).stream().filter(id -> db.get(id).isEmpty()).count();
      boolean landed = created == tx.get(0).size() && deleted == tx.get(1).size();
      check(landed || created == 0 && deleted == 0, "cycle " + cycle + ", transaction " + tag + " (" + backend + "): half applied, "
          + created + " of " + tx.get(0).size() + " creates and " + deleted + " of " + tx.get(1).size() + " deletes present");
      groupsChecked++;
      tx.get(0).forEach(id -> groupMembers.put(id, landed));
      tx.get(1).forEach(id -> groupMembers.put(id, !landed));
    });
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
