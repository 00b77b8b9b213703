package org.verisimdb.cli.vql;

import java.io.PrintWriter;
import org.verisimdb.cli.Main;

/** The main class of {@code bin/vql}: the {@code vql} command with the exit codes of {@code bin/verisimdb}. */
public final class VqlMain {
  /** Held so that its level stays set: JUL keeps loggers only weakly. */
  private static final java.util.logging.Logger LUCENE = java.util.logging.Logger.getLogger("org.apache.lucene");

  private VqlMain() {}

  public static void main(String[] args) {
    // Statement output and error objects are the point here: the engine's INFO lines ("opened database …") would only
    // clutter standard error. VERISIM_LOG_LEVEL still chooses (logback reads the property before the variable).
    if (System.getenv("VERISIM_LOG_LEVEL") == null && System.getProperty("VERISIM_LOG_LEVEL") == null) {
      System.setProperty("VERISIM_LOG_LEVEL", "warn");
      LUCENE.setLevel(java.util.logging.Level.WARNING); // Lucene logs through java.util.logging, beside logback
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return Main.run(new VqlCommand(), args, out, err);
  }
}
