package org.verisimdb.index.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.verisimdb.model.Limits;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.value.Value;

/**
 * A search of the DOCUMENT modality: terms, phrases, prefixes and fuzzy terms in the whole text
 * or in one string field, typed field comparisons, and their boolean combinations. Terms are VQL
 * terms ({@link VqlAnalyzer}: letters and digits, lower-cased). Build one with {@link #parse} from
 * a user's query string, or with the factories for structured use; {@link TextSearch} runs it.
 * Immutable; every case validates its parts and throws INVALID_SEARCH on bad input.
 */
public sealed interface TextQuery {
  /** Edits a fuzzy term allows when the query does not say ({@code term~}). */
  int DEFAULT_FUZZY_EDITS = 2;

  /** A term in the text of {@code field} (a document field name), or the whole text when field is null. */
  record Term(String field, String term) implements TextQuery {
    public Term {
      requireField(field);
      requireTerm(term);
    }
  }

  /** Terms next to each other, in order, within one value of {@code field} (null: any string of the document). */
  record Phrase(String field, List<String> terms) implements TextQuery {
    public Phrase {
      requireField(field);
      terms = List.copyOf(terms);
      if (terms.size() < 2) {
        throw invalid("a phrase needs at least two terms, got " + terms + "; search for a single term with Term");
      }
      terms.forEach(TextQuery::requireTerm);
    }
  }

  /** Any term starting with {@code prefix}. */
  record Prefix(String field, String prefix) implements TextQuery {
    public Prefix {
      requireField(field);
      requireTerm(prefix);
    }
  }

  /** Any term within {@code maxEdits} (0 to 2) insertions, deletions, substitutions or transpositions of {@code term}. */
  record Fuzzy(String field, String term, int maxEdits) implements TextQuery {
    public Fuzzy {
      requireField(field);
      requireTerm(term);
      if (maxEdits < 0 || maxEdits > 2) {
        throw invalid("a fuzzy term allows 0, 1 or 2 edits, not " + maxEdits);
      }
    }
  }

  /** Every clause matches; a {@link Not} clause excludes. */
  record And(List<TextQuery> clauses) implements TextQuery {
    public And {
      clauses = requireClauses(clauses, "AND");
    }
  }

  /** At least one clause matches. */
  record Or(List<TextQuery> clauses) implements TextQuery {
    public Or {
      clauses = requireClauses(clauses, "OR");
    }
  }

  /** Documents that do not match {@code clause} (octads without a document never match). */
  record Not(TextQuery clause) implements TextQuery {
    public Not {
      if (clause == null) {
        throw invalid("NOT needs a query to negate");
      }
    }
  }

  /** Field {@code field} equals {@code value} as VQL compares (§6.1): integers and numbers after widening. */
  record FieldEquals(String field, Value value) implements TextQuery {
    public FieldEquals {
      requireName(field);
      if (value == null || !value.isScalar()) {
        throw invalid("field '" + field + "' can equal a string, number or boolean, not " + value);
      }
    }
  }

  /**
   * Field {@code field} lies between {@code min} and {@code max} (a null bound is open): both
   * bounds numbers (integers or not: compared as VQL compares numbers) or both strings (code point order).
   */
  record FieldRange(String field, Value min, boolean minInclusive, Value max, boolean maxInclusive) implements TextQuery {
    public FieldRange {
      requireName(field);
      if (min == null && max == null) {
        throw invalid("the range on field '" + field + "' has no bound; give a minimum, a maximum or both");
      }
      boolean numbers = isNumber(min) || isNumber(max);
      if (!bound(min, numbers) || !bound(max, numbers)) {
        throw invalid("the range on field '" + field + "' goes from " + min + " to " + max
            + "; give two numbers or two strings");
      }
    }

    /** True when the bounds are numbers, false when they are strings. */
    public boolean numeric() {
      return isNumber(min) || isNumber(max);
    }
  }

  /**
   * Parses a query string: terms (all must match), {@code "phrases"}, prefixes {@code term*},
   * fuzzy terms {@code term~} / {@code term~1}, {@code AND}, {@code OR}, {@code NOT} (upper
   * case) with parentheses, and {@code field:} before a term, phrase or group to search only that
   * string field ({@code title:}, {@code body:}, any field name). A word of several terms
   * ({@code new-york}) needs all of them. Errors name the 1-based character position.
   */
  static TextQuery parse(String query) {
    return new TextQueryParser(query).parse();
  }

  /** The VQL terms of {@code text} (§6.2): split at every non letter or digit, lower-cased, in order, repeats kept. */
  static List<String> terms(String text) {
    return TextTerms.of(text);
  }

  /**
   * Every term of {@code text} in the document's text: VQL {@code FULLTEXT CONTAINS}. A text without
   * terms is INVALID_SEARCH.
   */
  static TextQuery allTerms(String text) {
    if (text == null) {
      throw invalid("the search text is missing; give at least one word");
    }
    List<String> terms = TextTerms.of(text);
    if (terms.isEmpty()) {
      throw invalid("the search text '" + text + "' has no terms; give at least one word of letters or digits");
    }
    if (terms.size() == 1) {
      return new Term(null, terms.getFirst());
    }
    List<TextQuery> clauses = new ArrayList<>(terms.size());
    for (String t : new LinkedHashSet<>(terms)) {
      clauses.add(new Term(null, t));
    }
    return clauses.size() == 1 ? clauses.getFirst() : new And(clauses);
  }

  /** Field {@code name} equals {@code value}. */
  static TextQuery fieldEquals(String name, Value value) {
    return new FieldEquals(name, value);
  }

  /** Field {@code name} between {@code min} and {@code max}, each bound null (open) or included or not. */
  static TextQuery fieldRange(String name, Value min, Value max, boolean minInclusive, boolean maxInclusive) {
    return new FieldRange(name, min, minInclusive, max, maxInclusive);
  }

  private static boolean bound(Value v, boolean numbers) {
    return v == null || (numbers ? isNumber(v) : v instanceof Value.Str);
  }

  private static boolean isNumber(Value v) {
    return v instanceof Value.Int || v instanceof Value.Real;
  }

  private static void requireField(String field) {
    if (field != null) {
      requireName(field);
    }
  }

  private static void requireName(String field) {
    if (!Limits.isName(field)) {
      throw invalid("'" + field + "' is not a document field name; use letters, digits and _, with . between parts");
    }
  }

  private static void requireTerm(String term) {
    if (term == null || !(TextTerms.isTerm(term) || List.of(term).equals(TextTerms.of(term)))) {
      throw invalid("'" + term + "' is not one VQL term (it analyses to " + (term == null ? "nothing" : TextTerms.of(term))
          + "); use lower-case letters and digits, or allTerms for free text");
    }
  }

  private static List<TextQuery> requireClauses(List<TextQuery> clauses, String operator) {
    List<TextQuery> copy = List.copyOf(clauses);
    if (copy.isEmpty()) {
      throw invalid(operator + " needs at least one clause");
    }
    return copy;
  }

  private static VeriSimException invalid(String message) {
    return VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "query", message);
  }
}
