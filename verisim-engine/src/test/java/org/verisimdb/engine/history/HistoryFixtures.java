package org.verisimdb.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.TransactionSettings;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.wal.SyncMode;

/** Databases and assertions shared by the history tests. */
final class HistoryFixtures {
  private HistoryFixtures() {}

  /** A durable database in {@code dir}: the memory backend with its checkpoint snapshots and the log, without fsyncs. */
  static Database durable(Path dir, DatabaseConfig config) {
    return VeriSimDB.open(dir, config.withBackend("memory").withWalSync(SyncMode.NONE));
  }

  /** Settings that keep only the {@code versions} newest versions of each octad; collections run only when a test asks. */
  static DatabaseConfig keeping(int versions) {
    return DatabaseConfig.defaults().withTransactions(
        TransactionSettings.DEFAULTS.withRetention(new TransactionSettings.Retention(versions, null), Duration.ofDays(1)));
  }

  /**
   * Runs the history collection now. It is package-private engine API, reached by reflection:
   * the tests of this package live in the engine's module, where that is allowed.
   */
  static void collectHistory(Database db) {
    try {
      Method collect = db.getClass().getDeclaredMethod("collectHistory");
      collect.setAccessible(true);
      collect.invoke(db);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the engine has no collectHistory() any more", e);
    }
  }

  static void assertCode(ThrowingCallable call, ErrorCode code, String... messageParts) {
    assertThatThrownBy(call).isInstanceOfSatisfying(VeriSimException.class, e -> {
      assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
      assertThat(e.getMessage()).contains(messageParts);
    });
  }
}
