package org.verisimdb.engine;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/** Runs work in a transaction, again in a new one after a retryable failure (see {@link Session#inTransaction}). Stateless. */
final class Retries {
  static final int ATTEMPTS = 10;

  private Retries() {}

  static <T> T run(Supplier<Transaction> begin, Function<Transaction, T> work) {
    if (work == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_ARGUMENT, null, "inTransaction needs work to run");
    }
    for (int attempt = 1; ; attempt++) {
      Transaction tx = begin.get();
      try {
        T result = work.apply(tx);
        tx.commit();
        return result;
      } catch (VeriSimException e) {
        tx.rollback();
        VeriSimException cause = e.code() == ErrorCode.TRANSACTION_ABORTED && e.getCause() instanceof VeriSimException c ? c : e;
        if (!cause.code().retryable() || attempt >= ATTEMPTS) {
          throw e;
        }
        backOff(attempt);
      } catch (RuntimeException | Error e) {
        tx.rollback();
        throw e;
      }
    }
  }

  // A random pause that grows with the attempt, so that colliding transactions spread out.
  private static void backOff(int attempt) {
    long maxMicros = Math.min(100_000, 250L << Math.min(attempt, 9));
    try {
      Thread.sleep(java.time.Duration.ofNanos(ThreadLocalRandom.current().nextLong(maxMicros / 4, maxMicros) * 1000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VeriSimException(ErrorCode.TRANSACTION_ABORTED, "interrupted while waiting to retry a transaction");
    }
  }
}
