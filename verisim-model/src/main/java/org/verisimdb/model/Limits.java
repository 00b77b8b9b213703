package org.verisimdb.model;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Size limits of the data model and the checks that enforce them. A limit is exceeded with
 * {@link ErrorCode#LIMIT_EXCEEDED}; malformed text (control characters, broken surrogate pairs,
 * a bad name) with the error code of the modality being checked.
 */
public final class Limits {
  /** Longest name: document field, semantic property key, graph predicate, spatial property key. */
  public static final int MAX_NAME_LENGTH = 128;
  /** Longest type name or IRI (semantic types, typed-literal datatypes). */
  public static final int MAX_IRI_LENGTH = 2048;
  /** Longest short text: labels, actors, model names, sources. */
  public static final int MAX_SHORT_TEXT = 1024;
  /** Longest string value other than a document body (title, fields, properties, literals). */
  public static final int MAX_STRING_LENGTH = 1 << 20;
  /** Longest document body, in chars. */
  public static final int MAX_BODY_LENGTH = 16 << 20;
  /** Most fields of one document, properties of one semantic or spatial modality. */
  public static final int MAX_FIELDS = 1024;
  /** Most outgoing edges of one octad. */
  public static final int MAX_EDGES = 100_000;
  /** Most semantic types of one octad. */
  public static final int MAX_TYPES = 256;
  /** Most stored proofs or seals of one octad. */
  public static final int MAX_PROOFS = 1024;
  /** Largest stored proof blob or seal signature, in bytes. */
  public static final int MAX_BLOB_BYTES = 1 << 20;
  /** Longest vector. */
  public static final int MAX_VECTOR_DIMENSION = 4096;
  /** Highest tensor rank. */
  public static final int MAX_TENSOR_RANK = 32;
  /** Most tensor elements (64 MiB of float64). */
  public static final int MAX_TENSOR_ELEMENTS = 1 << 23;
  /** Most positions of one geometry. */
  public static final int MAX_GEOMETRY_POSITIONS = 100_000;
  /** Most elements of one collection value, and deepest nesting of collections. */
  public static final int MAX_COLLECTION_ITEMS = 10_000;
  public static final int MAX_COLLECTION_DEPTH = 16;

  /** Field and property names: dot-separated identifiers, as VQL's {@code DOCUMENT.a.b} names them. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  private Limits() {}

  /** Rejects text longer than {@code max} chars, or with control characters or a broken surrogate pair. */
  public static String requireText(String text, int max, ErrorCode code, String field, String what) {
    if (text.length() > max) {
      throw VeriSimException.invalid(ErrorCode.LIMIT_EXCEEDED, field,
          what + " is " + text.length() + " characters long; the limit is " + max);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        throw VeriSimException.invalid(code, field, what + " has an unpaired surrogate at index " + i + "; send valid UTF-16");
      }
      if (Character.isLowSurrogate(c)) {
        throw VeriSimException.invalid(code, field, what + " has an unpaired surrogate at index " + i + "; send valid UTF-16");
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
        throw VeriSimException.invalid(code, field,
            what + " contains control character U+%04X at index %d".formatted((int) c, i));
      }
    }
    return text;
  }

  /** Like {@link #requireText} but also rejects blank text and any line break or tab. */
  public static String requireShortText(String text, int max, ErrorCode code, String field, String what) {
    requireText(text, max, code, field, what);
    if (text.isBlank()) {
      throw VeriSimException.invalid(code, field, what + " must not be blank");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        throw VeriSimException.invalid(code, field, what + " must be one line; found a line break or tab at index " + i);
      }
    }
    return text;
  }

  /** A field or property name: dot-separated identifiers of at most {@link #MAX_NAME_LENGTH} chars. */
  public static String requireName(String name, ErrorCode code, String field, String what) {
    if (name == null || name.isEmpty()) {
      throw VeriSimException.invalid(code, field, what + " must not be empty");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw VeriSimException.invalid(ErrorCode.LIMIT_EXCEEDED, field,
          what + " '" + name.substring(0, 32) + "…' is " + name.length() + " characters long; the limit is " + MAX_NAME_LENGTH);
    }
    if (!NAME.matcher(name).matches()) {
      throw VeriSimException.invalid(code, field, what + " '" + name
          + "' is not a valid name; use letters, digits and _ (not starting with a digit), with . between parts");
    }
    return name;
  }

  /** True when {@code name} passes {@link #requireName}. */
  public static boolean isName(String name) {
    return name != null && name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches();
  }

  public static void requireCount(Collection<?> items, int max, String field, String what) {
    requireCount(items.size(), max, field, what);
  }

  public static void requireCount(Map<?, ?> items, int max, String field, String what) {
    requireCount(items.size(), max, field, what);
  }

  public static void requireCount(int count, int max, String field, String what) {
    if (count > max) {
      throw VeriSimException.invalid(ErrorCode.LIMIT_EXCEEDED, field,
          "too many " + what + ": " + count + "; the limit is " + max);
    }
  }
}
