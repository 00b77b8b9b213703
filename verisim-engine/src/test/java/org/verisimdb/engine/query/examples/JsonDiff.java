package org.verisimdb.engine.query.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Differences between an expected and an actual golden text, as JSON paths with both values.
 * Objects must have the same members in the same order (§9.2 fixes the member order of a row);
 * arrays the same elements in the same order; integers must be equal, and an integer never equals
 * a float (§9.2 writes floats with a fraction). Two floats are equal when they differ by at most
 * 1e-9 relative to the larger (at least 1): similarities, distances and scores are computed in
 * double precision with library functions whose last bit may differ between platforms.
 */
final class JsonDiff {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double RELATIVE = 1e-9;
  private static final int MAX_REPORTED = 20;

  private JsonDiff() {}

  /** The differences, empty when the texts agree. */
  static List<String> of(String expected, String actual) {
    List<String> out = new ArrayList<>();
    try {
      compare("$", JSON.readTree(expected), JSON.readTree(actual), out);
    } catch (JsonProcessingException e) {
      out.add("unreadable JSON: " + e.getOriginalMessage());
    }
    return out;
  }

  private static void compare(String path, JsonNode e, JsonNode a, List<String> out) {
    if (out.size() >= MAX_REPORTED) {
      return;
    }
    if (e.isNumber() && a.isNumber()) {
      if (!numbersAgree(e, a)) {
        out.add(path + ": expected " + e + " but got " + a);
      }
      return;
    }
    if (e.getNodeType() != a.getNodeType()) {
      out.add(path + ": expected " + e + " but got " + a);
      return;
    }
    if (e.isObject()) {
      List<String> en = names(e);
      List<String> an = names(a);
      if (!en.equals(an)) {
        out.add(path + ": expected members " + en + " but got " + an);
      }
      for (String name : en) {
        if (a.has(name)) {
          compare(path + "." + name, e.get(name), a.get(name), out);
        }
      }
    } else if (e.isArray()) {
      if (e.size() != a.size()) {
        out.add(path + ": expected " + e.size() + " elements but got " + a.size());
      }
      for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
        compare(path + "[" + i + "]", e.get(i), a.get(i), out);
      }
    } else if (!e.equals(a)) {
      out.add(path + ": expected " + e + " but got " + a);
    }
  }

  private static boolean numbersAgree(JsonNode e, JsonNode a) {
    if (e.isIntegralNumber() || a.isIntegralNumber()) {
      return e.isIntegralNumber() && a.isIntegralNumber() && e.bigIntegerValue().equals(a.bigIntegerValue());
    }
    double x = e.doubleValue();
    double y = a.doubleValue();
    return Math.abs(x - y) <= RELATIVE * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
  }

  private static List<String> names(JsonNode o) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
