package org.verisimdb.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.verisimdb.model.Limits;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.value.Value;

/**
 * Reads {@link Value}s (document fields, semantic and spatial properties, edge literals) from
 * their JSON-LD forms; {@link org.verisimdb.model.hash.CanonicalJson} writes them.
 *
 * <p>A JSON integer (no fraction or exponent) that fits a long becomes {@link Value.Int}; any
 * other number {@link Value.Real}. Canonical JSON writes an integral double as an integer, so
 * {@code Real(2.0)} comes back as {@code Int(2)}: the two hash alike (VQL §7.6) and no JSON
 * form can tell them apart. Stateless and thread-safe.
 */
final class ValueJson {
  private static final String ID = "@id";
  private static final String VALUE = "@value";
  private static final String LANGUAGE = "@language";
  private static final String TYPE = "@type";
  private static final List<String> KEYWORDS = List.of(ID, VALUE, LANGUAGE, TYPE);

  private ValueJson() {}

  static Value read(JsonNode node, String path) {
    return read(node, path, 0);
  }

  /** An object of values, keyed by name, each read at {@code path.<key>}. */
  static SortedMap<String, Value> readObject(JsonNode node, String path) {
    Nodes.object(node, path);
    TreeMap<String, Value> values = new TreeMap<>();
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      values.put(member.getKey(), read(member.getValue(), Nodes.child(path, member.getKey())));
    }
    return values;
  }

  // depth counts the arrays around node: the model allows MAX_COLLECTION_DEPTH nested collections.
  private static Value read(JsonNode node, String path, int depth) {
    return switch (node.getNodeType()) {
      case STRING -> build(path, () -> new Value.Str(node.textValue()));
      case NUMBER -> Nodes.isLong(node) ? new Value.Int(node.longValue()) : new Value.Real(Nodes.number(node, path));
      case BOOLEAN -> node.booleanValue() ? Value.Bool.TRUE : Value.Bool.FALSE;
      case ARRAY -> {
        if (depth >= Limits.MAX_COLLECTION_DEPTH) {
          throw VeriSimException.invalid(ErrorCode.LIMIT_EXCEEDED, path,
              "collections are nested more than " + Limits.MAX_COLLECTION_DEPTH + " deep");
        }
        Limits.requireCount(node.size(), Limits.MAX_COLLECTION_ITEMS, path, "collection items");
        List<Value> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
          items.add(read(node.get(i), Nodes.element(path, i), depth + 1));
        }
        yield build(path, () -> new Value.Seq(items));
      }
      case OBJECT -> linkedData(node, path);
      case NULL -> throw Nodes.invalid(path, path + " is null; null is not a value, omit the member instead");
      case BINARY, POJO, MISSING -> throw Nodes.invalid(path, path + " holds " + Nodes.describe(node) + ", which is not a value");
    };
  }

  /** {"@value", "@language"}, {"@value", "@type"} or {"@id"}. */
  private static Value linkedData(JsonNode node, String path) {
    TreeSet<String> keys = new TreeSet<>();
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      if (!KEYWORDS.contains(member.getKey())) {
        throw Members.unknown(member.getKey(), Nodes.child(path, member.getKey()), "a JSON-LD value object", KEYWORDS);
      }
      keys.add(member.getKey());
    }
    if (keys.equals(new TreeSet<>(List.of(ID)))) {
      String target = Nodes.string(node.get(ID), Nodes.child(path, ID));
      return build(Nodes.child(path, ID), () -> new Value.Ref(OctadId.of(target)));
    }
    if (keys.equals(new TreeSet<>(List.of(VALUE, LANGUAGE)))) {
      String text = Nodes.string(node.get(VALUE), Nodes.child(path, VALUE));
      String language = Nodes.string(node.get(LANGUAGE), Nodes.child(path, LANGUAGE));
      return build(path, () -> new Value.LangStr(text, language));
    }
    if (keys.equals(new TreeSet<>(List.of(VALUE, TYPE)))) {
      String lexical = Nodes.string(node.get(VALUE), Nodes.child(path, VALUE));
      String datatype = Nodes.string(node.get(TYPE), Nodes.child(path, TYPE));
      return build(path, () -> new Value.Typed(lexical, datatype));
    }
    throw Nodes.invalid(path, path + " is an object with members " + keys
        + "; an object value is {\"@value\", \"@language\"}, {\"@value\", \"@type\"} or {\"@id\"}");
  }

  // Value constructors name no field; the error belongs at the value's own path.
  private static Value build(String path, Supplier<Value> constructor) {
    try {
      return constructor.get();
    } catch (VeriSimException e) {
      throw Nodes.at(e, path);
    }
  }
}
