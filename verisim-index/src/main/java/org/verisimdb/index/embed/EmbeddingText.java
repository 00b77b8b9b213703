package org.verisimdb.index.embed;

import java.util.HashSet;
import java.util.List;
import org.verisimdb.model.Limits;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.value.Value;

/**
 * Which text of a document the embedding model sees: the configured fields, in the configured
 * order, each that holds a value giving one line (a string as it is, a number or boolean in its
 * plain text form), joined by line breaks and cut to at most {@code maxChars} characters.
 * Absent and blank fields are skipped; a document with none of them has no text to embed.
 *
 * @param fields document field names, at least one, without repeats (default title, body)
 * @param maxChars the longest text handed to the model (1 to 1,048,576; default 16,384); the
 *     model reads 256 tokens at a time and averages over the whole text, so the cut bounds its cost
 */
public record EmbeddingText(List<String> fields, int maxChars) {
  public static final List<String> DEFAULT_FIELDS = List.of(DocumentFacet.TITLE, DocumentFacet.BODY);
  public static final int DEFAULT_MAX_CHARS = 16_384;
  private static final int MAX_MAX_CHARS = 1 << 20;

  public EmbeddingText {
    if (fields == null || fields.isEmpty()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, "embedding.fields",
          "no document fields are configured for embedding; give at least one, such as title, body");
    }
    fields = List.copyOf(fields);
    HashSet<String> seen = new HashSet<>();
    for (String f : fields) {
      Limits.requireName(f, ErrorCode.INVALID_CONFIG, "embedding.fields", "embedded document field");
      if (!seen.add(f)) {
        throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, "embedding.fields", "document field '" + f + "' is listed twice; list it once");
      }
    }
    if (maxChars < 1 || maxChars > MAX_MAX_CHARS) {
      throw VeriSimException.invalid(ErrorCode.INVALID_CONFIG, "embedding.max_chars",
          "embedding.max_chars is " + maxChars + "; use 1 to " + MAX_MAX_CHARS + " (default " + DEFAULT_MAX_CHARS + ")");
    }
  }

  /** Title and body, up to {@link #DEFAULT_MAX_CHARS}. */
  public static EmbeddingText defaults() {
    return new EmbeddingText(DEFAULT_FIELDS, DEFAULT_MAX_CHARS);
  }

  /** These fields, up to {@link #DEFAULT_MAX_CHARS}. */
  public static EmbeddingText of(List<String> fields) {
    return new EmbeddingText(fields, DEFAULT_MAX_CHARS);
  }

  /** The text to embed for {@code document}, or null when it has none (or there is no document). */
  public String textOf(DocumentFacet document) {
    if (document == null) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (String f : fields) {
      String part = plain(document.field(f));
      if (part == null || part.isBlank()) {
        continue;
      }
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append(part.strip());
      if (text.length() >= maxChars) {
        break;
      }
    }
    if (text.isEmpty()) {
      return null;
    }
    return cut(text, maxChars);
  }

  private static String plain(Value value) {
    return switch (value) {
      case null -> null;
      case Value.Str s -> s.value();
      case Value.Int i -> Long.toString(i.value());
      case Value.Real r -> Double.toString(r.value());
      case Value.Bool b -> Boolean.toString(b.value());
      // document fields hold scalars only; the richer values belong to other modalities
      case Value.LangStr l -> null;
      case Value.Typed t -> null;
      case Value.Ref r -> null;
      case Value.Seq s -> null;
    };
  }

  private static String cut(StringBuilder text, int max) {
    if (text.length() <= max) {
      return text.toString();
    }
    int end = max;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split a surrogate pair
    }
    return text.substring(0, end);
  }
}
