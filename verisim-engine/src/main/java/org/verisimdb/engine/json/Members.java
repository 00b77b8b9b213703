package org.verisimdb.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.Hints;

/**
 * One JSON object of the octad form being read: its path, and typed access to its members.
 * Construction checks the object against its {@link Shape}: an unknown member is INVALID_VALUE
 * naming it, with a did-you-mean hint; a derived member must have its JSON type but its value is
 * ignored (the reader recomputes what it needs). Immutable and thread-safe.
 */
final class Members {
  /** JSON types of derived members. */
  enum Kind {
    INTEGER, NUMBER, NUMBER_OR_NULL, BOOLEAN, STRING, STRING_OR_NULL
  }

  /**
   * The members of one kind of object. {@code required} members must be present (some may be
   * null), {@code optional} ones may be absent, {@code derived} ones are computed on write and
   * ignored on read.
   *
   * @param what the object's name in messages ("vector", "a version record")
   */
  record Shape(String what, List<String> required, List<String> optional, Map<String, Kind> derived) {
    Shape {
      required = List.copyOf(required);
      optional = List.copyOf(optional);
      derived = Collections.unmodifiableSortedMap(new TreeMap<>(derived)); // sorted: messages listing members never change
    }

    static Shape of(String what, List<String> required, Map<String, Kind> derived) {
      return new Shape(what, required, List.of(), derived);
    }

    static Shape of(String what, List<String> required) {
      return new Shape(what, required, List.of(), Map.of());
    }

    List<String> names() {
      List<String> names = new ArrayList<>(required);
      names.addAll(optional);
      names.addAll(derived.keySet());
      return names;
    }
  }

  private final JsonNode node;
  private final String path;

  private Members(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** Checks that {@code node} is an object of this shape. */
  static Members read(JsonNode node, String path, Shape shape) {
    if (!node.isObject()) {
      throw Nodes.invalid(path, (path.isEmpty() ? "an octad" : path) + " must be a JSON object, got " + Nodes.describe(node));
    }
    List<String> names = shape.names();
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      String name = member.getKey();
      String memberPath = Nodes.child(path, name);
      Kind kind = shape.derived().get(name);
      if (kind != null) {
        checkKind(member.getValue(), memberPath, kind);
      } else if (!shape.required().contains(name) && !shape.optional().contains(name)) {
        throw unknown(name, memberPath, shape.what(), names);
      }
    }
    for (String name : shape.required()) {
      if (!node.has(name)) {
        throw Nodes.invalid(Nodes.child(path, name), shape.what() + " has no member '" + name + "'; the octad JSON form requires it"
            + " (required: " + String.join(", ", shape.required()) + ")");
      }
    }
    return new Members(node, path);
  }

  static org.verisimdb.model.error.VeriSimException unknown(String name, String path, String what, List<String> names) {
    return Nodes.invalid(path, "unknown member '" + name + "' in " + what + Hints.didYouMean(name, names)
        + " (members: " + String.join(", ", names) + ")");
  }

  private static void checkKind(JsonNode value, String path, Kind kind) {
    switch (kind) {
      case INTEGER -> Nodes.integer(value, path);
      case NUMBER -> Nodes.number(value, path);
      case NUMBER_OR_NULL -> Nodes.numberOrNull(value, path);
      case BOOLEAN -> Nodes.bool(value, path);
      case STRING -> Nodes.string(value, path);
      case STRING_OR_NULL -> Nodes.stringOrNull(value, path);
    }
  }

  String path() {
    return path;
  }

  /** The path of member {@code name}. */
  String path(String name) {
    return Nodes.child(path, name);
  }

  boolean has(String name) {
    return node.has(name);
  }

  /** A member the shape requires (or an optional one known to be present). */
  JsonNode get(String name) {
    return node.get(name);
  }

  String string(String name) {
    return Nodes.string(get(name), path(name));
  }

  String stringOrNull(String name) {
    return Nodes.stringOrNull(get(name), path(name));
  }

  long integer(String name) {
    return Nodes.integer(get(name), path(name));
  }

  double number(String name) {
    return Nodes.number(get(name), path(name));
  }

  Double numberOrNull(String name) {
    return Nodes.numberOrNull(get(name), path(name));
  }

  Instant timestamp(String name, ErrorCode code) {
    return Nodes.timestamp(get(name), path(name), code);
  }

  Instant timestampOrNull(String name, ErrorCode code) {
    return Nodes.timestampOrNull(get(name), path(name), code);
  }

  byte[] base64url(String name) {
    return Nodes.base64url(get(name), path(name));
  }

  /** A required array member. */
  JsonNode array(String name) {
    return Nodes.array(get(name), path(name));
  }

  /** A required object member. */
  JsonNode object(String name) {
    return Nodes.object(get(name), path(name));
  }

  /** A required array of strings. */
  List<String> strings(String name) {
    JsonNode array = array(name);
    List<String> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(Nodes.string(array.get(i), Nodes.element(path(name), i)));
    }
    return out;
  }
}
