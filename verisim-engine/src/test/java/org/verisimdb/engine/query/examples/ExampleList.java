package org.verisimdb.engine.query.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.verisimdb.vql.check.Bindings;

/** The examples of {@code vql-examples/examples.vql}; its header describes the format. */
final class ExampleList {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern WRITES = Pattern.compile("(?is)(BEGIN|COMMIT|ROLLBACK|INSERT|UPDATE|DELETE|NORMALIZE|EXPLAIN\\s+ANALYZE)\\b.*");

  /**
   * One example: its name (the §12 number, a letter for a variant), statement text, statements
   * to run first in the same session, parameters, and why it is skipped (null when it runs).
   */
  record Example(String name, String statement, List<String> before, Bindings params, String skip) {
    /** The golden file name: the number padded to two digits, then any letter ({@code 07.json}, {@code 32b.json}). */
    String goldenFile() {
      int digits = 0;
      while (digits < name.length() && Character.isDigit(name.charAt(digits))) {
        digits++;
      }
      return String.format("%02d", Integer.parseInt(name.substring(0, digits))) + name.substring(digits) + ".json";
    }

    /**
     * Examples that write, or show a transaction, run on a database of their own: the shared one
     * stays as the fixture made it, and a transaction id does not depend on what ran before.
     */
    boolean needsOwnDatabase() {
      return !before.isEmpty() || WRITES.matcher(statement.strip()).matches();
    }
  }

  private ExampleList() {}

  static List<Example> load(String resource) {
    String text;
    try (InputStream in = ExampleList.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + resource + " is missing");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parse(text);
  }

  static List<Example> parse(String text) {
    List<Example> out = new ArrayList<>();
    String name = null;
    List<String> directives = new ArrayList<>();
    List<String> body = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("### ")) {
        if (name != null) {
          out.add(example(name, directives, body));
        }
        name = line.substring(4).strip();
        directives = new ArrayList<>();
        body = new ArrayList<>();
      } else if (name != null && body.isEmpty() && line.startsWith("@")) {
        directives.add(line);
      } else if (name != null) {
        body.add(line);
      }
    }
    if (name != null) {
      out.add(example(name, directives, body));
    }
    return out;
  }

  private static Example example(String name, List<String> directives, List<String> body) {
    int end = body.size();
    while (end > 0 && body.get(end - 1).isBlank()) {
      end--;
    }
    String statement = String.join("\n", body.subList(0, end));
    List<String> before = new ArrayList<>();
    Bindings params = Bindings.NONE;
    String skip = null;
    for (String d : directives) {
      int space = d.indexOf(' ');
      String key = space < 0 ? d : d.substring(0, space);
      String arg = space < 0 ? "" : d.substring(space + 1).strip();
      switch (key) {
        case "@before" -> before.add(arg);
        case "@params" -> params = bindings(arg);
        case "@pending" -> skip = "pending: " + arg;
        case "@known-wrong" -> skip = "known-wrong: " + arg;
        default -> throw new IllegalArgumentException("example " + name + ": unknown directive " + key);
      }
    }
    if (statement.isBlank()) {
      throw new IllegalArgumentException("example " + name + " has no statement");
    }
    return new Example(name, statement, List.copyOf(before), params, skip);
  }

  private static Bindings bindings(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node.isArray()) {
        return Bindings.positional(JSON.convertValue(node, List.class));
      }
      Map<String, Object> named = new LinkedHashMap<>();
      node.properties().forEach(e -> named.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
      return Bindings.named(named);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
