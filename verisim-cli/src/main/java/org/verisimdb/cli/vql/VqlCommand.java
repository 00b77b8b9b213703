package org.verisimdb.cli.vql;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vql}: the VQL tools (also {@code verisimdb vql}). Only wires the subcommands together. */
@Command(name = "vql", mixinStandardHelpOptions = true, description = "VQL tools: check and format VQL scripts offline.",
    subcommands = {CheckCommand.class, FmtCommand.class, CommandLine.HelpCommand.class})
public final class VqlCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
