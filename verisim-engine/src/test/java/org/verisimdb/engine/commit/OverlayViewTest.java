package org.verisimdb.engine.commit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;
import org.verisimdb.storage.WriteBatch;

/** Staged writes read back over a base view, and undone to a mark. */
class OverlayViewTest {
  static final Keyspace SPACE = Keyspace.of("octad");

  /** A base view holding one key, "base" = "b". */
  static final ReadView BASE = new ReadView() {
    @Override
    public byte[] get(Keyspace space, byte[] key) {
      return new String(key, UTF_8).equals("base") ? bytes("b") : null;
    }

    @Override
    public Cursor scan(Keyspace space, byte[] fromInclusive, byte[] toExclusive) {
      return new Cursor() {
        boolean done;

        @Override
        public boolean next() {
          boolean has = !done;
          done = true;
          return has;
        }

        @Override
        public byte[] key() {
          return bytes("base");
        }

        @Override
        public byte[] value() {
          return bytes("b");
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public long appliedLsn() {
      return 7;
    }

    @Override
    public void close() {}
  };

  static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  static String get(OverlayView view, String key) {
    byte[] v = view.get(SPACE, bytes(key));
    return v == null ? null : new String(v, UTF_8);
  }

  static List<String> scan(OverlayView view) {
    List<String> out = new ArrayList<>();
    try (Cursor c = view.scan(SPACE, null, null)) {
      while (c.next()) {
        out.add(new String(c.key(), UTF_8) + "=" + new String(c.value(), UTF_8));
      }
    }
    return out;
  }

  @Test
  void undoToMarkRestoresEveryKeyTheLaterBatchesTouchedAndTheByteCount() {
    OverlayView view = new OverlayView(BASE);
    view.stage(new WriteBatch().put(SPACE, bytes("a"), bytes("1")).put(SPACE, bytes("c"), bytes("3")));
    long bytesAtMark = view.bytes();
    List<String> atMark = scan(view);
    view.mark();
    view.stage(new WriteBatch().put(SPACE, bytes("a"), bytes("2")).delete(SPACE, bytes("base")).put(SPACE, bytes("d"), bytes("4")));
    view.stage(new WriteBatch().put(SPACE, bytes("d"), bytes("5")).delete(SPACE, bytes("c")));
    assertThat(scan(view)).containsExactly("a=2", "d=5");
    assertThat(get(view, "base")).isNull();

    view.undoToMark();

    assertThat(scan(view)).isEqualTo(atMark).containsExactly("a=1", "base=b", "c=3");
    assertThat(get(view, "a")).isEqualTo("1");
    assertThat(get(view, "base")).isEqualTo("b");
    assertThat(get(view, "d")).isNull();
    assertThat(view.bytes()).isEqualTo(bytesAtMark);
  }

  @Test
  void withoutAMarkUndoChangesNothingAndUnmarkKeepsTheWrites() {
    OverlayView view = new OverlayView(BASE);
    view.undoToMark();
    view.mark();
    view.stage(new WriteBatch().put(SPACE, bytes("a"), bytes("1")));
    view.unmark();
    view.undoToMark();
    assertThat(get(view, "a")).isEqualTo("1");

    view.mark();
    view.stage(new WriteBatch().put(SPACE, bytes("b"), bytes("2")));
    view.clear();
    view.undoToMark();
    assertThat(scan(view)).containsExactly("base=b");
    assertThat(view.bytes()).isZero();
  }
}
