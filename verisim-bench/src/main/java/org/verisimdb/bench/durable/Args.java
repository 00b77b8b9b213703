package org.verisimdb.bench.durable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of the form {@code --name value} or {@code --name=value}, each declared
 * with a default and a line of help; {@code --help} and {@code -h} ask for the help text. Every
 * problem is a {@link UsageException} whose message names the option and the offending value.
 * Not thread-safe; used once, on the main thread.
 */
public final class Args {
  /** A command line that cannot be used; the message says what to change. */
  public static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  private record Option(String name, String defaultValue, String help) {}

  private final String usage;
  private final Map<String, Option> options = new LinkedHashMap<>();
  private final Map<String, String> given = new LinkedHashMap<>();
  private boolean helpAsked;

  /** @param usage the first lines of the help text: what the program does and how to call it */
  public Args(String usage) {
    this.usage = usage;
  }

  public Args option(String name, String defaultValue, String help) {
    options.put(name, new Option(name, defaultValue, help));
    return this;
  }

  public Args parse(String[] argv) throws UsageException {
    for (int i = 0; i < argv.length; i++) {
      String arg = argv[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        helpAsked = true;
        continue;
      }
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new UsageException("unexpected argument '" + arg + "'; options look like --name value (see --help)");
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      if (!options.containsKey(name)) {
        List<String> names = options.keySet().stream().map(n -> "--" + n).toList();
        throw new UsageException("unknown option --" + name + "; the options are " + String.join(", ", names));
      }
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < argv.length) {
        value = argv[++i];
      } else {
        throw new UsageException("option --" + name + " needs a value");
      }
      if (given.put(name, value) != null) {
        throw new UsageException("option --" + name + " is given twice; give it once");
      }
    }
    return this;
  }

  public boolean helpAsked() {
    return helpAsked;
  }

  public String help() {
    StringBuilder out = new StringBuilder(usage.strip()).append("\n\nOptions:\n");
    for (Option o : options.values()) {
      out.append(String.format("  --%-12s %s (default: %s)%n", o.name() + " <v>", o.help(), o.defaultValue().isEmpty() ? "none" : o.defaultValue()));
    }
    out.append(String.format("  --%-12s this text%n", "help"));
    return out.toString();
  }

  public String string(String name) {
    Option o = options.get(name);
    if (o == null) {
      throw new IllegalArgumentException("option --" + name + " was never declared");
    }
    return given.getOrDefault(name, o.defaultValue());
  }

  public long integer(String name, long min, long max) throws UsageException {
    return checkRange(name, parseLong(name, string(name).replace("_", "")), min, max);
  }

  /** A comma-separated list of whole numbers, each in min..max, without repeats. */
  public List<Integer> integers(String name, int min, int max) throws UsageException {
    List<Integer> out = new ArrayList<>();
    for (String part : string(name).split(",", -1)) {
      int value = (int) checkRange(name, parseLong(name, part.strip()), min, max);
      if (out.contains(value)) {
        throw new UsageException("--" + name + " lists " + value + " twice");
      }
      out.add(value);
    }
    return out;
  }

  public String oneOf(String name, List<String> allowed) throws UsageException {
    String value = string(name);
    if (!allowed.contains(value)) {
      throw new UsageException("--" + name + " '" + value + "' is not one of " + String.join(", ", allowed));
    }
    return value;
  }

  /** An existing, writable directory. */
  public Path directory(String name) throws UsageException {
    Path dir = Path.of(string(name)).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new UsageException("--" + name + " " + dir + " is not a directory; create it or choose another");
    }
    if (!Files.isWritable(dir)) {
      throw new UsageException("--" + name + " " + dir + " is not writable; choose a directory you can write to");
    }
    return dir;
  }

  private static long parseLong(String name, String text) throws UsageException {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " '" + text + "' is not a whole number");
    }
  }

  private static long checkRange(String name, long value, long min, long max) throws UsageException {
    if (value < min || value > max) {
      throw new UsageException("--" + name + " " + value + " is outside " + min + ".." + max);
    }
    return value;
  }

  /**
   * Runs a harness main: prints the help text when asked, and on a usage error prints the message
   * and exits with status 2 (status 1 is left to failed runs).
   */
  public static void run(String[] argv, Args args, Harness harness) throws Exception {
    try {
      args.parse(argv);
      if (args.helpAsked()) {
        System.out.print(args.help());
        return;
      }
      harness.run(args);
    } catch (UsageException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println("run with --help for the options");
      System.exit(2);
    }
  }

  /** The body of a harness main, given its parsed options. */
  @FunctionalInterface
  public interface Harness {
    void run(Args args) throws Exception;
  }
}
