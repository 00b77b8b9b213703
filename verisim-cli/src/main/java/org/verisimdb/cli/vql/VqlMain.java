package org.verisimdb.cli.vql;

import java.io.PrintWriter;
import org.verisimdb.cli.Main;

/** The main class of {@code bin/vql}: the {@code vql} command with the exit codes of {@code bin/verisimdb}. */
public final class VqlMain {
  private VqlMain() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return Main.run(new VqlCommand(), args, out, err);
  }
}
