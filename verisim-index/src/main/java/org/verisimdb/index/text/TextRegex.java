package org.verisimdb.index.text;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.value.Value;

/**
 * A VQL {@code FULLTEXT MATCHES} regular expression ({@code java.util.regex} syntax) with its
 * flags: {@code i} case-insensitive (Unicode case folding), {@code m} multi-line ({@code ^} and
 * {@code $} at line breaks), {@code s} dot matches line breaks. It is evaluated on the document
 * itself, exactly, never through the index. Immutable and thread-safe.
 */
public record TextRegex(Pattern pattern) {
  public TextRegex {
    if (pattern == null) {
      throw new IllegalArgumentException("a regex needs a pattern");
    }
  }

  /** Compiles {@code regex} with {@code flags} (null or a string of distinct i, m, s); errors are INVALID_SEARCH. */
  public static TextRegex compile(String regex, String flags) {
    if (regex == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "regex", "the regular expression is missing");
    }
    int bits = 0;
    String given = flags == null ? "" : flags;
    for (int i = 0; i < given.length(); i++) {
      char c = given.charAt(i);
      int bit = switch (c) {
        case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        case 'm' -> Pattern.MULTILINE;
        case 's' -> Pattern.DOTALL;
        default -> throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "flags",
            "unknown regex flag '" + c + "' in '" + given + "'; the flags are i (ignore case), m (multi-line) and s (dot matches line breaks)");
      };
      if (given.indexOf(c) != i) {
        throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "flags", "regex flag '" + c + "' is given twice in '" + given + "'; give it once");
      }
      bits |= bit;
    }
    try {
      return new TextRegex(Pattern.compile(regex, bits));
    } catch (PatternSyntaxException e) {
      String where = e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "";
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "regex",
          "invalid regular expression '" + regex + "'" + where + ": " + e.getDescription() + "; fix the pattern (java.util.regex syntax)");
    }
  }

  /** True when the pattern is found in the title, the body or another string field of {@code document}. */
  public boolean matches(DocumentFacet document) {
    for (Value value : document.fields().values()) {
      if (value instanceof Value.Str(String s) && pattern.matcher(s).find()) {
        return true;
      }
    }
    return false;
  }
}
