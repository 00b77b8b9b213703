package org.verisimdb.cli.admin;

import java.io.PrintWriter;
import java.util.Locale;
import org.verisimdb.engine.Progress;

/**
 * Prints progress to stderr: a line when a stage starts or ends, and at most one a second in
 * between, so long work shows it is alive without flooding the terminal. Thread-safe.
 */
final class ProgressPrinter implements Progress {
  private final PrintWriter err;
  private final long started = System.nanoTime();
  private String stage;
  private long lastPrinted;

  ProgressPrinter(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void update(String stage, long done, long total) {
    long now = System.nanoTime();
    boolean finished = total >= 0 && done >= total;
    if (stage.equals(this.stage) && !finished && now - lastPrinted < 1_000_000_000L) {
      return;
    }
    this.stage = stage;
    lastPrinted = now;
    double seconds = (now - started) / 1e9;
    String amount = total > 0 ? String.format(Locale.ROOT, "%,d of %,d (%d%%)", done, total, 100 * done / total)
        : String.format(Locale.ROOT, "%,d", done);
    err.printf(Locale.ROOT, "  %s: %s, %.1f s%n", stage, amount, seconds);
    err.flush();
  }
}
