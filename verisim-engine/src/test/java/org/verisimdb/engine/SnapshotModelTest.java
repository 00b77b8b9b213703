package org.verisimdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Seeded random interleavings of transactions (SNAPSHOT and READ COMMITTED) and autocommitted
 * writes over a handful of octads, checked step by step against a reference model: a list of
 * committed states, each transaction's snapshot an index into it plus its own writes. Every
 * read, listing, conflict and commit must match the model exactly.
 */
class SnapshotModelTest {
  static final int KEYS = 5;
  static final int STEPS = 400;

  /** A write as the model replays it: value null deletes. */
  record Op(String id, Long value, boolean create) {}

  static final class ModelTx {
    final Transaction tx;
    final Isolation level;
    int snapshot = -1;
    final Map<String, Long> own = new LinkedHashMap<>(); // value, or null for deleted
    final List<Op> ops = new ArrayList<>();

    ModelTx(Transaction tx, Isolation level) {
      this.tx = tx;
      this.level = level;
    }
  }

  final List<Map<String, Long>> committed = new ArrayList<>();
  final Map<String, Integer> lastWrite = new HashMap<>();

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void readsConflictsAndCommitsMatchTheModel(long seed) {
    Random random = new Random(seed);
    committed.add(new TreeMap<>());
    List<ModelTx> open = new ArrayList<>();
    try (Database db = VeriSimDB.openInMemory(DatabaseConfig.defaults())) {
      for (int step = 0; step < STEPS; step++) {
        int action = random.nextInt(10);
        String id = "k" + random.nextInt(KEYS);
        String at = "seed " + seed + " step " + step;
        if (open.isEmpty() || action == 0 && open.size() < 3) {
          Isolation level = random.nextBoolean() ? Isolation.SNAPSHOT : Isolation.READ_COMMITTED;
          open.add(new ModelTx(db.begin(level), level));
        } else if (action == 1) {
          autocommit(db, id, random.nextLong(1000));
        } else {
          ModelTx t = open.get(random.nextInt(open.size()));
          switch (action) {
            case 2, 3 -> assertThat(read(t.tx, id)).as(at + " get " + id).isEqualTo(visible(t).get(id));
            case 4 -> assertThat(HermitageTest.all(t.tx)).as(at + " list").isEqualTo(visible(t));
            case 5, 6, 7 -> {
              if (!write(t, id, random)) {
                open.remove(t);
              }
            }
            case 8 -> {
              commit(t, at);
              open.remove(t);
            }
            default -> {
              t.tx.rollback();
              open.remove(t);
            }
          }
        }
        assertThat(HermitageTest.all(db)).as(at + " committed state").isEqualTo(latest());
      }
      open.forEach(t -> t.tx.rollback());
      assertThat(db.verify(Progress.NONE).intact()).isTrue();
    }
  }

  private Map<String, Long> latest() {
    return committed.getLast();
  }

  // What t sees now: its snapshot (or, READ COMMITTED, the newest state) with its own writes over it.
  private Map<String, Long> visible(ModelTx t) {
    if (t.snapshot < 0) {
      t.snapshot = committed.size() - 1;
    }
    Map<String, Long> view = new TreeMap<>(t.level == Isolation.READ_COMMITTED ? latest() : committed.get(t.snapshot));
    t.own.forEach((k, v) -> {
      if (v == null) {
        view.remove(k);
      } else {
        view.put(k, v);
      }
    });
    return view;
  }

  private static Long read(OctadAccess reader, String id) {
    return reader.get(id).map(HermitageTest::valueOf).orElse(null);
  }

  private void autocommit(Database db, String id, long value) {
    Map<String, Long> next = new TreeMap<>(latest());
    if (!next.containsKey(id)) {
      db.create(HermitageTest.row(id, value));
      next.put(id, value);
    } else if (value % 4 == 0) {
      db.delete(OctadId.of(id));
      next.remove(id);
    } else {
      db.update(OctadId.of(id), patch(value));
      next.put(id, value);
    }
    record(next, List.of(id));
  }

  // Returns false when the write aborted the transaction (a conflict the model predicts).
  private boolean write(ModelTx t, String id, Random random) {
    Map<String, Long> view = visible(t);
    long value = random.nextLong(1000);
    boolean conflict = t.level != Isolation.READ_COMMITTED && lastWrite.getOrDefault(id, -1) > t.snapshot;
    Op op = !view.containsKey(id) ? new Op(id, value, true) : value % 4 == 0 ? new Op(id, null, false) : new Op(id, value, false);
    try {
      if (op.create()) {
        t.tx.create(HermitageTest.row(id, value));
      } else if (op.value() == null) {
        t.tx.delete(OctadId.of(id));
      } else {
        t.tx.update(OctadId.of(id), patch(value));
      }
    } catch (VeriSimException e) {
      assertThat(conflict).as("unexpected " + e.getMessage()).isTrue();
      assertThat(e.code()).isEqualTo(ErrorCode.WRITE_CONFLICT);
      t.tx.rollback();
      return false;
    }
    assertThat(conflict).as("a write of " + id + " after another transaction committed it must conflict").isFalse();
    t.own.put(id, op.value());
    t.ops.add(op);
    return true;
  }

  private void commit(ModelTx t, String at) {
    Map<String, Long> next = new TreeMap<>(latest());
    boolean conflict = false;
    if (t.level == Isolation.READ_COMMITTED) {
      for (Op op : t.ops) { // replayed on the newest state
        boolean present = next.containsKey(op.id());
        if (op.create() == present) {
          conflict = true;
        } else if (op.value() == null) {
          next.remove(op.id());
        } else {
          next.put(op.id(), op.value());
        }
      }
    } else {
      for (Op op : t.ops) {
        conflict |= lastWrite.getOrDefault(op.id(), -1) > t.snapshot;
      }
      t.own.forEach((k, v) -> {
        if (v == null) {
          next.remove(k);
        } else {
          next.put(k, v);
        }
      });
    }
    try {
      t.tx.commit();
    } catch (VeriSimException e) {
      if (!conflict) {
        fail(at + ": unexpected " + e.getMessage());
      }
      assertThat(e.code()).isEqualTo(ErrorCode.WRITE_CONFLICT);
      return;
    }
    assertThat(conflict).as(at + ": the commit should have conflicted").isFalse();
    if (!t.ops.isEmpty()) {
      record(next, t.ops.stream().map(Op::id).toList());
    }
  }

  private void record(Map<String, Long> next, List<String> written) {
    committed.add(next);
    written.forEach(id -> lastWrite.put(id, committed.size() - 1));
  }

  private static org.verisimdb.model.write.OctadPatch patch(long value) {
    return org.verisimdb.model.write.OctadPatch.builder().set(org.verisimdb.model.Modality.DOCUMENT, "value", value).build();
  }

  @SuppressWarnings("unused")
  private static long valueOf(Octad o) {
    return HermitageTest.valueOf(o);
  }
}
