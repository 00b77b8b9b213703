package org.verisimdb.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verisimdb.engine.history.HistoryFixtures.assertCode;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.Session;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.Facet;
import org.verisimdb.model.facet.ProvenanceRecord;

/**
 * Time travel against a reference model: a seeded random sequence of creates, updates (every
 * modality, labels, messages, valid-from times, provenance events), deletes and re-creates over a
 * few octads, by several principals, keeps every octad the writes returned with its commit time.
 * Afterwards every past version, every commit time, and the instants just before and after each,
 * must read back exactly the octad the model holds for it, in all modalities; and the version
 * listings, time ranges, labels and diffs must agree with the model. Replay a failure with its seed.
 */
class TimeTravelPropertyTest {
  static final int OCTADS = 4;
  static final int STEPS = 120;

  /** One committed version: the octad the write returned, or null for a deletion. */
  record Committed(OctadId id, long version, Instant at, Octad octad) {}

  final List<Committed> log = new ArrayList<>();

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void inMemoryEveryVersionAndEveryInstantReadsBackAsCommitted(long seed) {
    try (Database db = VeriSimDB.openInMemory()) {
      write(db, seed);
      check(db, seed);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12})
  void durableHistoryReadsBackAsCommittedBeforeAndAfterReopening(long seed, @TempDir Path dir) {
    try (Database db = HistoryFixtures.durable(dir, DatabaseConfig.defaults())) {
      write(db, seed);
      check(db, seed);
    }
    try (Database db = HistoryFixtures.durable(dir, DatabaseConfig.defaults())) {
      check(db, seed);
    }
  }

  void write(Database db, long seed) {
    RandomWrites writes = new RandomWrites(seed);
    Random random = writes.random();
    List<Session> sessions = List.of(db, db.session("alice"), db.session("bob"));
    Map<OctadId, Octad> live = new HashMap<>();
    for (int step = 0; step < STEPS; step++) {
      OctadId id = OctadId.of("k" + random.nextInt(OCTADS));
      Session session = sessions.get(random.nextInt(sessions.size()));
      Octad current = live.get(id);
      String at = "seed " + seed + " step " + step;
      if (current == null) {
        record(session.create(writes.create(id)), live);
      } else if (random.nextInt(8) == 0) {
        long version = session.delete(id);
        Instant committed = db.history().versions(id, version, 1).getFirst().committedAt();
        assertThat(committed).as(at).isAfter(log.getLast().at());
        log.add(new Committed(id, version, committed, null));
        live.remove(id);
      } else {
        try {
          record(session.update(id, writes.update(current)), live);
        } catch (VeriSimException e) {
          // a random edit may leave a modality invalid (a patch that empties a graph, say): nothing is written
          assertThat(db.get(id)).as(at + ": " + e.getMessage()).contains(current);
        }
      }
      if (step == STEPS / 2 && db.durable()) {
        db.checkpoint();
      }
    }
    assertThat(log.stream().filter(c -> c.octad() == null)).as("seed %d deletes something", seed).isNotEmpty();
  }

  private void record(Octad octad, Map<OctadId, Octad> live) {
    assertThat(log.isEmpty() || octad.modifiedAt().isAfter(log.getLast().at())).isTrue();
    log.add(new Committed(octad.id(), octad.version(), octad.modifiedAt(), octad));
    live.put(octad.id(), octad);
  }

  void check(Database db, long seed) {
    History history = db.history();
    for (Committed c : log) {
      String at = "seed " + seed + " " + c.id() + " version " + c.version();
      if (c.octad() != null) {
        assertThat(history.atVersion(c.id(), c.version())).as(at).contains(c.octad());
      } else {
        assertCode(() -> history.atVersion(c.id(), c.version()), ErrorCode.VERSION_NOT_FOUND, "deletion");
      }
    }
    for (Committed c : log) {
      for (Instant t : List.of(c.at(), c.at().minusNanos(1), c.at().plusNanos(1))) {
        for (int k = 0; k < OCTADS; k++) {
          OctadId id = OctadId.of("k" + k);
          assertThat(history.asOf(id, t)).as("seed %d %s as of %s", seed, id, t).isEqualTo(stateAt(id, t));
        }
      }
    }
    assertThat(history.asOf("k0", log.getFirst().at().minusSeconds(1))).isEmpty();
    for (int k = 0; k < OCTADS; k++) {
      OctadId id = OctadId.of("k" + k);
      assertThat(history.asOf(id, Instant.now().plusSeconds(3600))).as("the future is now").isEqualTo(db.get(id));
      checkListing(history, id, seed);
      checkLabels(history, id);
    }
    checkRanges(history, new Random(seed));
    checkDiffs(history, new Random(seed));
  }

  Optional<Octad> stateAt(OctadId id, Instant t) {
    Committed last = null;
    for (Committed c : log) {
      if (c.id().equals(id) && !c.at().isAfter(t)) {
        last = c;
      }
    }
    return last == null ? Optional.empty() : Optional.ofNullable(last.octad());
  }

  List<Committed> versionsOf(OctadId id) {
    return log.stream().filter(c -> c.id().equals(id)).toList();
  }

  void checkListing(History history, OctadId id, long seed) {
    List<Committed> expected = versionsOf(id);
    if (expected.isEmpty()) {
      assertCode(() -> history.versions(id, 1, 10), ErrorCode.OCTAD_NOT_FOUND);
      return;
    }
    List<VersionInfo> listed = new ArrayList<>();
    for (long from = 1; ; ) {
      List<VersionInfo> page = history.versions(id, from, 7);
      listed.addAll(page);
      if (page.size() < 7) {
        break;
      }
      from = page.getLast().version() + 1;
    }
    assertThat(listed).hasSameSizeAs(expected);
    Committed previous = null;
    for (int i = 0; i < expected.size(); i++) {
      Committed c = expected.get(i);
      VersionInfo info = listed.get(i);
      String at = "seed " + seed + " " + id + " version " + c.version();
      assertThat(info.version()).as(at).isEqualTo(c.version());
      assertThat(info.committedAt()).as(at).isEqualTo(c.at());
      assertThat(info.deletion()).as(at).isEqualTo(c.octad() == null);
      assertThat(info.retained()).as(at).isTrue();
      assertThat(info.modalities()).as(at).isEqualTo(c.octad() == null ? Set.of() : c.octad().modalities());
      assertThat(info.changed()).as(at).isEqualTo(changed(previous == null ? null : previous.octad(), c.octad()));
      if (c.octad() != null) {
        var record = c.octad().temporal().current();
        assertThat(info.actor()).as(at).isEqualTo(record.actor());
        assertThat(info.label()).as(at).isEqualTo(c.octad().temporal().label());
        assertThat(info.message()).as(at).isEqualTo(c.octad().temporal().message());
        assertThat(info.validFrom()).as(at).isEqualTo(c.octad().temporal().validFrom());
        assertThat(info.versionHash()).as(at).isEqualTo(record.versionHash());
      }
      previous = c;
    }
  }

  /** The modalities whose content differs between two states (null: absent), TEMPORAL left out. */
  static Set<Modality> changed(Octad before, Octad after) {
    Set<Modality> changed = EnumSet.noneOf(Modality.class);
    for (Modality m : Modality.values()) {
      Facet a = before == null ? null : before.facets().get(m);
      Facet b = after == null ? null : after.facets().get(m);
      if (m != Modality.TEMPORAL && !java.util.Objects.equals(a, b)) {
        changed.add(m);
      }
    }
    return changed;
  }

  void checkLabels(History history, OctadId id) {
    if (versionsOf(id).isEmpty()) {
      assertThat(history.atLabel(id, "reviewed")).isEmpty();
      return;
    }
    for (String label : RandomWrites.LABELS) {
      Octad newest = null;
      for (Committed c : versionsOf(id)) {
        if (c.octad() != null && label.equals(c.octad().temporal().label())) {
          newest = c.octad();
        }
      }
      if (newest == null) {
        assertCode(() -> history.atLabel(id, label), ErrorCode.VERSION_NOT_FOUND, label);
      } else {
        assertThat(history.atLabel(id, label)).as(id + " labelled " + label).contains(newest);
      }
    }
  }

  void checkRanges(History history, Random random) {
    for (int i = 0; i < 40; i++) {
      Instant a = log.get(random.nextInt(log.size())).at().plusNanos(random.nextInt(3) - 1);
      Instant b = log.get(random.nextInt(log.size())).at().plusNanos(random.nextInt(3) - 1);
      Instant from = a.isBefore(b) ? a : b;
      Instant to = a.isBefore(b) ? b : a;
      for (int k = 0; k < OCTADS; k++) {
        OctadId id = OctadId.of("k" + k);
        if (versionsOf(id).isEmpty()) {
          continue;
        }
        List<Long> expected = versionsOf(id).stream().filter(c -> !c.at().isBefore(from) && !c.at().isAfter(to)).map(Committed::version).toList();
        assertThat(history.between(id, from, to, 1000).stream().map(VersionInfo::version).toList())
            .as("%s between %s and %s", id, from, to).isEqualTo(expected);
      }
    }
  }

  void checkDiffs(History history, Random random) {
    for (int k = 0; k < OCTADS; k++) {
      List<Committed> live = versionsOf(OctadId.of("k" + k)).stream().filter(c -> c.octad() != null).toList();
      for (int i = 0; i < Math.min(20, live.size()); i++) {
        Octad a = live.get(random.nextInt(live.size())).octad();
        Octad b = live.get(random.nextInt(live.size())).octad();
        Octad before = a.version() <= b.version() ? a : b;
        Octad after = a.version() <= b.version() ? b : a;
        VersionDiff diff = history.diff(before.id(), before.version(), after.version());
        Set<Modality> expected = changed(before, after);
        if (before.version() != after.version()) {
          expected.add(Modality.TEMPORAL);
        }
        assertThat(diff.changed()).as("%s %d..%d", before.id(), before.version(), after.version()).isEqualTo(expected);
        for (Modality m : diff.modalities().keySet()) {
          VersionDiff.Change change = diff.of(m).change();
          assertThat(change == VersionDiff.Change.ADDED).isEqualTo(!before.has(m) && after.has(m));
          assertThat(change == VersionDiff.Change.REMOVED).isEqualTo(before.has(m) && !after.has(m));
        }
        List<ProvenanceRecord> chainBefore = before.provenance().orElseThrow().records();
        List<ProvenanceRecord> chainAfter = after.provenance().orElseThrow().records();
        if (diff.of(Modality.PROVENANCE).detail() instanceof VersionDiff.Detail.Provenance p) {
          assertThat(p.appended()).isEqualTo(chainAfter.subList(chainBefore.size(), chainAfter.size()));
        }
      }
    }
  }
}
