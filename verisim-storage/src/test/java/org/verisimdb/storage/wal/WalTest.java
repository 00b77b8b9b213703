package org.verisimdb.storage.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.WriteBatch;

class WalTest {
  static final WalOptions FSYNC = new WalOptions(SyncMode.FSYNC, 10, 1 << 16);
  static final Keyspace SPACE = Keyspace.of("data");

  static byte[] payload(long i) {
    return ("record " + i + " " + "x".repeat((int) (i % 300))).getBytes(StandardCharsets.UTF_8);
  }

  static List<WalRecord> readAll(Wal wal, long from) {
    List<WalRecord> records = new ArrayList<>();
    try (WalReader reader = wal.read(from)) {
      while (reader.hasNext()) {
        records.add(reader.next());
      }
    }
    return records;
  }

  @Test
  void recordsComeBackInOrderAcrossSegmentsAndReopens() {
    MemoryLogStorage storage = new MemoryLogStorage();
    try (Wal wal = Wal.open(storage, FSYNC, 1)) {
      for (long i = 1; i <= 1000; i++) {
        assertThat(wal.append(7, payload(i))).isEqualTo(i);
      }
      for (long i = 1001; i <= 3000; i++) {
        wal.append(7, payload(i));
      }
      assertThat(storage.list().size()).as("64 KiB segments must have rotated").isGreaterThan(3);
    }
    try (Wal wal = Wal.open(storage, FSYNC, 1)) {
      assertThat(wal.lastLsn()).isEqualTo(3000);
      assertThat(wal.append(7, payload(3001))).isEqualTo(3001);
      List<WalRecord> records = readAll(wal, 500);
      assertThat(records).hasSize(2502);
      for (int i = 0; i < records.size(); i++) {
        assertThat(records.get(i).lsn()).isEqualTo(500 + i);
        assertThat(records.get(i).type()).isEqualTo(7);
        assertThat(records.get(i).payload()).isEqualTo(payload(500 + i));
      }
    }
  }

  @Test
  void batchesRoundTripThroughTheCodec() {
    WriteBatch batch = new WriteBatch().put(SPACE, "k".getBytes(), "v".getBytes()).delete(Keyspace.of("other"), "gone".getBytes())
        .put(SPACE, "empty".getBytes(), new byte[0]);
    MemoryLogStorage storage = new MemoryLogStorage();
    try (Wal wal = Wal.open(storage, FSYNC, 1)) {
      long lsn = wal.append(batch, 1_700_000_000_000_123L);
      WalRecord record = readAll(wal, lsn).getFirst();
      BatchCodec.Decoded decoded = BatchCodec.decode(record.lsn(), record.payload());
      assertThat(decoded.commitMicros()).isEqualTo(1_700_000_000_000_123L);
      assertThat(decoded.batch().lsn()).isEqualTo(lsn);
      assertThat(decoded.batch().ops()).hasSize(3);
      assertThat(decoded.batch().ops().get(1)).isInstanceOf(WriteBatch.Op.Delete.class);
      assertThat(decoded.batch().ops().get(1).space()).isEqualTo(Keyspace.of("other"));
      assertThat(((WriteBatch.Op.Put) decoded.batch().ops().get(2)).value()).isEmpty();
    }
  }

  /** Counts forces, to see that concurrent committers share them. */
  static final class CountingStorage implements LogStorage {
    final MemoryLogStorage inner = new MemoryLogStorage();
    final AtomicInteger forces = new AtomicInteger();

    @Override
    public List<String> list() {
      return inner.list();
    }

    @Override
    public LogFile open(String name) throws IOException {
      return counting(inner.open(name));
    }

    @Override
    public LogFile create(String name) throws IOException {
      return counting(inner.create(name));
    }

    private LogFile counting(LogFile file) {
      return new LogFile() {
        @Override
        public long size() throws IOException {
          return file.size();
        }

        @Override
        public int read(long position, ByteBuffer dst) throws IOException {
          return file.read(position, dst);
        }

        @Override
        public void append(ByteBuffer src) throws IOException {
          file.append(src);
        }

        @Override
        public void force() throws IOException {
          forces.incrementAndGet();
          try {
            Thread.sleep(2); // a disk's fsync takes time; that is what group commit amortises
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          file.force();
        }

        @Override
        public void truncate(long size) throws IOException {
          file.truncate(size);
        }

        @Override
        public void close() throws IOException {
          file.close();
        }
      };
    }

    @Override
    public void delete(String name) {
      inner.delete(name);
    }

    @Override
    public void syncDirectory() {
      inner.syncDirectory();
    }

    @Override
    public String describe() {
      return "counting";
    }
  }

  @Test
  void concurrentCommittersShareFsyncs() throws Exception {
    CountingStorage storage = new CountingStorage();
    int threads = 16;
    int each = 50;
    try (Wal wal = Wal.open(storage, new WalOptions(SyncMode.FSYNC, 10, 64L << 20), 1)) {
      int before = storage.forces.get();
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(Thread.ofPlatform().name("committer-" + t).start(() -> {
          for (int i = 0; i < each; i++) {
            long lsn = wal.append(1, payload(i));
            wal.awaitDurable(lsn);
            assertThat(wal.durableLsn()).isGreaterThanOrEqualTo(lsn);
          }
        }));
      }
      for (Thread w : workers) {
        w.join();
      }
      int forces = storage.forces.get() - before;
      assertThat(wal.durableLsn()).isEqualTo(threads * each);
      assertThat(forces).as("%d commits, %d fsyncs", threads * each, forces).isLessThan(threads * each / 2);
    }
  }

  @Test
  void acknowledgedRecordsSurviveACrashAndTornTailsAreCut() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    for (int round = 0; round < 50; round++) {
      MemoryLogStorage storage = new MemoryLogStorage();
      long acknowledged = 0;
      Wal wal = Wal.open(storage, new WalOptions(SyncMode.FSYNC, 10, 1 << 16), 1);
      int n = 1 + random.nextInt(400);
      for (long i = 1; i <= n; i++) {
        long lsn = wal.append(1, payload(i));
        if (random.nextInt(3) == 0) {
          wal.awaitDurable(lsn);
          acknowledged = lsn;
        }
      }
      MemoryLogStorage after = storage.crash(random);
      try (Wal reopened = Wal.open(after, FSYNC, 1)) {
        assertThat(reopened.lastLsn()).as("seed=%d round=%d", seed, round).isBetween(acknowledged, (long) n);
        List<WalRecord> records = readAll(reopened, 1);
        for (int i = 0; i < records.size(); i++) {
          assertThat(records.get(i).payload()).as("seed=%d round=%d", seed, round).isEqualTo(payload(i + 1));
        }
        reopened.awaitDurable(reopened.append(1, payload(n + 1)));
      }
    }
  }

  @Test
  void aTornLastRecordIsTruncated() {
    MemoryLogStorage storage = new MemoryLogStorage();
    try (Wal wal = Wal.open(storage, FSYNC, 1)) {
      for (long i = 1; i <= 10; i++) {
        wal.append(1, payload(i));
      }
    }
    String name = WalFormatV1.segmentName(1);
    byte[] bytes = storage.bytes(name);
    storage.replace(name, java.util.Arrays.copyOf(bytes, bytes.length - 5));
    try (Wal wal = Wal.open(storage, FSYNC, 1)) {
      assertThat(wal.lastLsn()).isEqualTo(9);
      assertThat(readAll(wal, 1)).hasSize(9);
      assertThat(wal.append(1, payload(10))).isEqualTo(10);
    }
  }

  @Test
  void aFlippedBitFollowedByValidRecordsRefusesToOpenNamingFileAndOffset() {
    MemoryLogStorage storage = new MemoryLogStorage();
    List<Long> offsets = new ArrayList<>();
    try (Wal wal = Wal.open(storage, FSYNC, 1)) {
      for (long i = 1; i <= 10; i++) {
        wal.append(1, payload(i));
      }
      readAll(wal, 1).forEach(r -> offsets.add(r.offset()));
    }
    String name = WalFormatV1.segmentName(1);
    byte[] bytes = storage.bytes(name);
    bytes[(int) (offsets.get(4) + 20)] ^= 0x10;
    storage.replace(name, bytes);
    assertThatThrownBy(() -> Wal.open(storage, FSYNC, 1))
        .isInstanceOfSatisfying(VeriSimException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT);
          assertThat(e.getMessage()).contains(name).contains("offset " + offsets.get(4)).contains("checksum").contains("valid records follow");
        });
    assertThat(storage.bytes(name)).as("nothing was truncated").isEqualTo(bytes);
  }

  @Test
  void damageInAClosedSegmentIsCorruptionEvenAtItsEnd() {
    MemoryLogStorage storage = new MemoryLogStorage();
    try (Wal wal = Wal.open(storage, FSYNC, 1)) {
      for (long i = 1; i <= 600; i++) {
        wal.append(1, payload(i));
      }
    }
    String first = WalFormatV1.segmentName(1);
    byte[] bytes = storage.bytes(first);
    storage.replace(first, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    try (Wal wal = Wal.open(storage, FSYNC, 1)) {
      assertThat(wal.lastLsn()).as("opening reads only the last segment's records").isEqualTo(600);
      assertThatThrownBy(() -> readAll(wal, 1)).as("reading the closed segment finds the damage")
          .isInstanceOfSatisfying(VeriSimException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT);
            assertThat(e.getMessage()).contains(first).contains("closed segment");
          });
    }
    assertThat(storage.bytes(first)).as("nothing was truncated").hasSize(bytes.length - 3);
  }

  @Test
  void lsnsThatDoNotFollowAcrossSegmentsAreCorruptionWhenRead() {
    MemoryLogStorage storage = new MemoryLogStorage();
    try (Wal wal = Wal.open(storage, FSYNC, 1)) {
      for (long i = 1; i <= 1500; i++) {
        wal.append(1, payload(i));
      }
    }
    String second = WalFormatV1.segmentName(2);
    byte[] bytes = storage.bytes(second);
    ByteBuffer header = ByteBuffer.wrap(bytes);
    long firstLsn = header.getLong(16);
    header.putLong(16, firstLsn + 1).putInt(24, WalFormatV1.crc(bytes, 0, 24));
    storage.replace(second, bytes);
    try (Wal wal = Wal.open(storage, FSYNC, 1)) {
      assertThatThrownBy(() -> readAll(wal, firstLsn + 50)).as("reading from inside the segment")
          .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.getMessage()).contains(second)
              .contains("offset " + WalFormatV1.HEADER_BYTES).contains("has LSN " + firstLsn + " where LSN " + (firstLsn + 1) + " belongs"));
      assertThatThrownBy(() -> readAll(wal, 1))
          .isInstanceOfSatisfying(VeriSimException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT);
            assertThat(e.getMessage()).contains(second).contains("starts at LSN " + (firstLsn + 1))
                .contains("previous segment ends at LSN " + (firstLsn - 1));
          });
    }
    header.putLong(16, firstLsn).putInt(24, WalFormatV1.crc(bytes, 0, 24));
    storage.replace(second, bytes);
    try (Wal wal = Wal.open(storage, FSYNC, 1)) {
      assertThat(readAll(wal, 1)).as("repaired, the whole log reads").hasSize(1500);
    }
  }

  @Test
  void aMissingSegmentIsReported() {
    MemoryLogStorage storage = new MemoryLogStorage();
    try (Wal wal = Wal.open(storage, FSYNC, 1)) {
      for (long i = 1; i <= 3000; i++) {
        wal.append(1, payload(i));
      }
    }
    storage.delete(WalFormatV1.segmentName(2));
    assertThatThrownBy(() -> Wal.open(storage, FSYNC, 1))
        .isInstanceOfSatisfying(VeriSimException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT);
          assertThat(e.getMessage()).contains(WalFormatV1.segmentName(2) + " is missing");
        });
  }

  @Test
  void numberingContinuesAfterStoresThatAreAheadOfTheLog() {
    MemoryLogStorage storage = new MemoryLogStorage();
    try (Wal wal = Wal.open(storage, FSYNC, 1)) {
      wal.append(1, payload(1));
    }
    try (Wal wal = Wal.open(storage, FSYNC, 6)) {
      assertThat(wal.append(1, payload(6))).isEqualTo(6);
    }
    try (Wal wal = Wal.open(storage, FSYNC, 1)) {
      assertThat(readAll(wal, 1)).extracting(WalRecord::lsn).containsExactly(1L, 6L);
    }
  }

  @Test
  void compactionDropsOnlyClosedSegmentsBelowTheLsn() {
    MemoryLogStorage storage = new MemoryLogStorage();
    try (Wal wal = Wal.open(storage, FSYNC, 1)) {
      for (long i = 1; i <= 1000; i++) {
        wal.append(1, payload(i));
      }
      int segments = storage.list().size();
      assertThat(wal.deleteBefore(1)).isZero();
      int deleted = wal.deleteBefore(700);
      assertThat(deleted).isPositive().isLessThan(segments);
      assertThat(wal.firstLsn()).isLessThanOrEqualTo(700);
      assertThat(readAll(wal, 700)).hasSize(301);
      assertThatThrownBy(() -> wal.read(1))
          .isInstanceOfSatisfying(VeriSimException.class, e -> assertThat(e.getMessage()).contains("segments were removed"));
      assertThat(wal.deleteBefore(Long.MAX_VALUE)).isEqualTo(segments - deleted - 1);
    }
  }

  @Test
  void asyncModeAcknowledgesAtOnceAndSyncsInTheBackground() throws Exception {
    MemoryLogStorage storage = new MemoryLogStorage();
    try (Wal wal = Wal.open(storage, new WalOptions(SyncMode.ASYNC, 5, 1 << 20), 1)) {
      long lsn = 0;
      for (int i = 0; i < 100; i++) {
        lsn = wal.append(1, payload(i));
        wal.awaitDurable(lsn);
      }
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (wal.durableLsn() < lsn && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(wal.durableLsn()).isEqualTo(lsn);
    }
  }

  @Test
  void filesOnDiskWorkTheSameWay(@TempDir Path dir) throws Exception {
    try (Wal wal = Wal.open(new FileLogStorage(dir), FSYNC, 1)) {
      for (long i = 1; i <= 700; i++) {
        wal.awaitDurable(wal.append(1, payload(i)));
      }
    }
    try (Wal wal = Wal.open(new FileLogStorage(dir), FSYNC, 1)) {
      assertThat(readAll(wal, 1)).hasSize(700);
    }
  }

  @Test
  void segmentNamesRoundTrip() {
    assertThat(WalFormatV1.segmentName(0x1a)).isEqualTo("wal-000000000000001a.log");
    assertThat(WalFormatV1.segmentNumber("wal-000000000000001a.log")).isEqualTo(0x1a);
    assertThat(WalFormatV1.segmentNumber("wal-000000000000001A.log")).isEqualTo(-1);
    assertThat(WalFormatV1.segmentNumber("LOCK")).isEqualTo(-1);
  }
}
