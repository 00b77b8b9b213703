package org.verisimdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.VeriSimException;

/**
 * Threads move money between accounts for a fixed time while others sum all balances; the total
 * must never change, neither in the end state nor in any snapshot a reader sees. SNAPSHOT and
 * SERIALIZABLE promise it as they are (each transfer writes what it reads); READ COMMITTED
 * promises it when transfers lock both accounts first, in id order.
 */
class BankTransferTest {
  static final int ACCOUNTS = 8;
  static final long START = 1_000;
  static final long RUN_MILLIS = 1_500;

  @ParameterizedTest
  @CsvSource({"SNAPSHOT,false", "SERIALIZABLE,false", "READ_COMMITTED,true"})
  void theTotalStaysConstant(Isolation level, boolean lockFirst) throws Exception {
    try (Database db = VeriSimDB.openInMemory(DatabaseConfig.defaults())) {
      for (int i = 0; i < ACCOUNTS; i++) {
        db.create(HermitageTest.row(account(i), START));
      }
      long total = ACCOUNTS * START;
      AtomicLong transfers = new AtomicLong();
      AtomicLong aborts = new AtomicLong();
      AtomicLong audits = new AtomicLong();
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_MILLIS);
      ExecutorService pool = Executors.newFixedThreadPool(5);
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        work.add(pool.submit(() -> {
          ThreadLocalRandom random = ThreadLocalRandom.current();
          while (System.nanoTime() < end) {
            int from = random.nextInt(ACCOUNTS);
            int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            long amount = random.nextLong(1, 50);
            try (Transaction tx = db.begin(level)) {
              if (lockFirst) {
                tx.lock(OctadId.of(account(Math.min(from, to))));
                tx.lock(OctadId.of(account(Math.max(from, to))));
              }
              long a = HermitageTest.value(tx, account(from));
              long b = HermitageTest.value(tx, account(to));
              HermitageTest.set(tx, account(from), a - amount);
              HermitageTest.set(tx, account(to), b + amount);
              tx.commit();
              transfers.incrementAndGet();
            } catch (VeriSimException e) {
              assertThat(e.code().retryable()).as(e.getMessage()).isTrue();
              aborts.incrementAndGet();
            }
          }
        }));
      }
      work.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          try (Transaction tx = db.begin(Isolation.SNAPSHOT)) {
            long sum = HermitageTest.all(tx).values().stream().mapToLong(Long::longValue).sum();
            assertThat(sum).as("a snapshot's total").isEqualTo(total);
            tx.commit();
            audits.incrementAndGet();
          }
        }
      }));
      for (Future<?> f : work) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      long sum = HermitageTest.all(db).values().stream().mapToLong(Long::longValue).sum();
      assertThat(sum).isEqualTo(total);
      assertThat(transfers.get()).as("transfers committed").isGreaterThan(50);
      assertThat(audits.get()).isPositive();
      assertThat(db.verify(Progress.NONE).intact()).isTrue();
    }
  }

  static String account(int i) {
    return "acct-" + i;
  }
}
