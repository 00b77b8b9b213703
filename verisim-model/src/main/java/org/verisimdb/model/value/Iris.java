package org.verisimdb.model.value;

import org.verisimdb.model.Limits;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Checks for type names and IRIs: one run of visible characters without the characters RFC 3987
 * excludes from IRIs ({@code <>"{}|\^`} and space). Both {@code Person} and
 * {@code https://schema.org/Person} pass; the data model does not resolve or dereference them.
 */
public final class Iris {
  private static final String EXCLUDED = "<>\"{}|\\^`";

  private Iris() {}

  public static String require(String iri, ErrorCode code, String field, String what) {
    if (iri == null || iri.isEmpty()) {
      throw VeriSimException.invalid(code, field, what + " must not be empty");
    }
    if (iri.length() > Limits.MAX_IRI_LENGTH) {
      throw VeriSimException.invalid(ErrorCode.LIMIT_EXCEEDED, field,
          what + " is " + iri.length() + " characters long; the limit is " + Limits.MAX_IRI_LENGTH);
    }
    for (int i = 0; i < iri.length(); i++) {
      char c = iri.charAt(i);
      if (c <= 0x20 || c == 0x7f || EXCLUDED.indexOf(c) >= 0 || Character.isWhitespace(c)) {
        throw VeriSimException.invalid(code, field, what + " '" + iri + "' contains "
            + (c == ' ' ? "a space" : "U+%04X".formatted((int) c)) + " at index " + i
            + "; a type name or IRI has no spaces, control characters or any of " + EXCLUDED);
      }
    }
    Limits.requireText(iri, Limits.MAX_IRI_LENGTH, code, field, what);
    return iri;
  }
}
