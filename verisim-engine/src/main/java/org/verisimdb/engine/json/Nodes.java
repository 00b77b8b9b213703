package org.verisimdb.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import org.verisimdb.model.Modality;
import org.verisimdb.model.Timestamps;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.hash.CanonicalJson;

/**
 * Reads single JSON nodes as the octad JSON form types them, failing with INVALID_VALUE and the
 * node's path when the JSON type is wrong. A value of the right JSON type that the data model
 * rejects fails later, in the model's constructor, with the model's code. Stateless and
 * thread-safe.
 */
final class Nodes {
  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
  private static final Base64.Encoder BASE64URL_OUT = Base64.getUrlEncoder().withoutPadding();

  private Nodes() {}

  static VeriSimException invalid(String path, String message) {
    return VeriSimException.invalid(ErrorCode.INVALID_VALUE, path.isEmpty() ? null : path, message);
  }

  /** "vector" + "model" → "vector.model"; the root path is empty. */
  static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  static String element(String path, int index) {
    return path + "[" + index + "]";
  }

  /**
   * The same error placed under {@code prefix}. Records of the model name their fields relative
   * to themselves ({@code issuer}), but a few checks they share with their modality use the
   * modality's absolute path ({@code temporal.label}); that modality part is dropped so the
   * field lands inside the record ({@code temporal.versions[1].label}).
   */
  static VeriSimException nest(VeriSimException e, String prefix) {
    String field = e.field();
    if (field == null) {
      return at(e, prefix);
    }
    int dot = field.indexOf('.');
    if (dot > 0 && isModalityName(field.substring(0, dot))) {
      field = field.substring(dot + 1);
    }
    return at(e, prefix + "." + field);
  }

  /** Runs a model constructor of a record at {@code prefix}, placing its errors under that path. */
  static <T> T build(String prefix, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (VeriSimException e) {
      throw nest(e, prefix);
    }
  }

  /** The same error with its field path replaced by {@code path}. */
  static VeriSimException at(VeriSimException e, String path) {
    VeriSimException moved = new VeriSimException(e.code(), path, e.getMessage(), e.getCause());
    moved.setStackTrace(e.getStackTrace());
    return moved;
  }

  private static boolean isModalityName(String name) {
    for (Modality m : Modality.values()) {
      if (m.wireName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** A short description of a node for messages: {@code string "abc"}, {@code number 1.5}, {@code an array}. */
  static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> {
        String text = node.textValue();
        yield "string \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
      }
      case NUMBER -> "number " + node.asText();
      case BOOLEAN -> "boolean " + node.asText();
      case NULL -> "null";
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case BINARY -> "binary data";
      case MISSING -> "nothing";
    };
  }

  private static VeriSimException wrongType(JsonNode node, String path, String expected) {
    return invalid(path, path + " must be " + expected + ", got " + describe(node));
  }

  static String string(JsonNode node, String path) {
    if (!node.isTextual()) {
      throw wrongType(node, path, "a string");
    }
    return node.textValue();
  }

  static String stringOrNull(JsonNode node, String path) {
    return node.isNull() ? null : string(node, path);
  }

  static boolean bool(JsonNode node, String path) {
    if (!node.isBoolean()) {
      throw wrongType(node, path, "true or false");
    }
    return node.booleanValue();
  }

  /** A JSON integer (no fraction or exponent) in the 64-bit range. */
  static long integer(JsonNode node, String path) {
    if (!node.isIntegralNumber()) {
      throw wrongType(node, path, "an integer");
    }
    if (!node.canConvertToLong()) {
      throw invalid(path, "integer " + node.bigIntegerValue() + " at " + path + " is outside the 64-bit range [-2^63, 2^63-1]");
    }
    return node.longValue();
  }

  /** True for a JSON integer that fits a long: the integers that become {@code Value.Int}. */
  static boolean isLong(JsonNode node) {
    return node.isIntegralNumber() && node.canConvertToLong();
  }

  /**
   * Any JSON number as a finite double. An integer beyond the 64-bit range is accepted only in
   * the exact form canonical JSON gives a double there: CanonicalJson writes the doubles from
   * 2^63 up to 1e21 as plain digits ({@code 1e20} as {@code 100000000000000000000}), so refusing
   * them would make some exports impossible to import. Other such integers are errors: they would
   * silently lose digits.
   */
  static double number(JsonNode node, String path) {
    if (!node.isNumber()) {
      throw wrongType(node, path, "a number");
    }
    if (node.isIntegralNumber() && !isLong(node)) {
      BigInteger big = node.bigIntegerValue();
      double d = big.doubleValue();
      if (Double.isFinite(d) && CanonicalJson.number(d).equals(big.toString())) {
        return d;
      }
      throw invalid(path, "integer " + big + " at " + path + " is outside the 64-bit range [-2^63, 2^63-1]"
          + (Double.isFinite(d) ? "; to store it as a float, write it with an exponent: " + Double.toString(d).replace('E', 'e')
              : " and beyond the range of a 64-bit float"));
    }
    double d = node.doubleValue();
    if (!Double.isFinite(d)) {
      throw invalid(path, "number " + node.asText() + " at " + path + " is outside the range of a 64-bit float");
    }
    return d;
  }

  static Double numberOrNull(JsonNode node, String path) {
    return node.isNull() ? null : number(node, path);
  }

  /** A timestamp string (VQL §7.6; any ISO 8601 instant is accepted); {@code code} is the holder's error code. */
  static Instant timestamp(JsonNode node, String path, ErrorCode code) {
    return Timestamps.parse(string(node, path), code, path);
  }

  static Instant timestampOrNull(JsonNode node, String path, ErrorCode code) {
    return node.isNull() ? null : timestamp(node, path, code);
  }

  /**
   * Binary data as base64url without padding, in its one canonical spelling: the bytes
   * re-encode to the same text, so each byte string has exactly one JSON form.
   */
  static byte[] base64url(JsonNode node, String path) {
    String text = string(node, path);
    byte[] bytes;
    try {
      bytes = BASE64URL.decode(text);
    } catch (IllegalArgumentException e) {
      throw invalid(path, path + " is not base64url: " + e.getMessage() + "; use A-Z a-z 0-9 - _ without padding");
    }
    if (!BASE64URL_OUT.encodeToString(bytes).equals(text)) {
      throw invalid(path, path + " is not canonical base64url; write it without '=' padding and with zero trailing bits");
    }
    return bytes;
  }

  static JsonNode array(JsonNode node, String path) {
    if (!node.isArray()) {
      throw wrongType(node, path, "an array");
    }
    return node;
  }

  static JsonNode object(JsonNode node, String path) {
    if (!node.isObject()) {
      throw wrongType(node, path, "an object");
    }
    return node;
  }
}
