package org.verisimdb.index.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.verisimdb.model.Limits;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.ProofType;
import org.verisimdb.model.value.Value;

/**
 * Filter queries on the semantic fields: by type (with subtypes), by property value or numeric
 * range, by language, and by proof type and issuer.
 *
 * <p>Numbers compare by value across integers and floats ({@code = 2} matches 2 and 2.0). Number
 * queries find a key through a 64-bit hash of it, so two keys with the same hash would mix;
 * the engine re-checks candidates against the octads, which removes that (vanishingly unlikely)
 * case. Everything else is exact.
 *
 * <p>Thread-safe: static methods building immutable queries.
 */
public final class SemanticSearch {
  private SemanticSearch() {}

  /** Octads of type {@code type} or any of its subtypes in {@code hierarchy}: VQL's {@code SEMANTIC.types CONTAINS}. */
  public static Query ofType(String type, TypeHierarchy hierarchy) {
    requireType(type);
    Set<String> all = hierarchy.withSubtypes(type);
    return new TermInSetQuery(SemanticFields.TYPE, all.stream().map(BytesRef::new).toList());
  }

  /** Octads that declare {@code type} themselves, ignoring the hierarchy. */
  public static Query declaresType(String type) {
    return new TermQuery(new Term(SemanticFields.TYPE, requireType(type)));
  }

  /** Octads with a property {@code key}, whatever its value. */
  public static Query hasProperty(String key) {
    return new TermQuery(new Term(SemanticFields.KEY, requireKey(key)));
  }

  /**
   * Octads whose property {@code key} equals {@code value}, or holds it as an item of a
   * collection. A string also matches a language-tagged string with that text; a number matches
   * an integer or float of the same value; a language-tagged string matches only the same text in
   * the same language (tags compared case-insensitively).
   */
  public static Query propertyEquals(String key, Value value) {
    requireKey(key);
    return switch (value) {
      case null -> throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "value", "compare property '" + key + "' with a value, not null");
      case Value.Str(String s) -> term(SemanticFields.STRING, SemanticFields.term(key, s));
      case Value.LangStr(String s, String language) ->
          term(SemanticFields.LANG, SemanticFields.term(key + SemanticFields.SEPARATOR + SemanticFields.language(language), s));
      case Value.Typed(String lexical, String datatype) -> term(SemanticFields.TYPED, SemanticFields.term(key + SemanticFields.SEPARATOR + datatype, lexical));
      case Value.Ref(OctadId target) -> term(SemanticFields.REF, SemanticFields.term(key, target.value()));
      case Value.Bool(boolean b) -> term(SemanticFields.BOOL, SemanticFields.term(key, Boolean.toString(b)));
      case Value.Int i -> propertyRange(key, i, true, i, true);
      case Value.Real r -> propertyRange(key, r, true, r, true);
      case Value.Seq q -> throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "value",
          "compare property '" + key + "' with one value; a collection matches when any item does, so search item by item");
    };
  }

  /**
   * Octads whose property {@code key} is a number (or holds one in a collection) within the
   * range; a null bound is open. Bounds are integers or floats and compare exactly.
   */
  public static Query propertyRange(String key, Value min, boolean minInclusive, Value max, boolean maxInclusive) {
    requireKey(key);
    for (Value bound : new Value[] {min, max}) {
      if (bound != null && !Numbers.isNumber(bound)) {
        throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "range",
            "a range on property '" + key + "' needs numeric bounds; got " + bound);
      }
    }
    long hash = SemanticFields.keyHash(key);
    List<Query> parts = new ArrayList<>(2);
    long[] ints = Numbers.longRange(min, minInclusive, max, maxInclusive);
    if (ints != null) {
      parts.add(LongPoint.newRangeQuery(SemanticFields.INT, new long[] {hash, ints[0]}, new long[] {hash, ints[1]}));
    }
    double[] reals = Numbers.doubleRange(min, minInclusive, max, maxInclusive);
    if (reals != null) {
      parts.add(LongPoint.newRangeQuery(SemanticFields.REAL, new long[] {hash, SemanticFields.sortable(reals[0])},
          new long[] {hash, SemanticFields.sortable(reals[1])}));
    }
    if (parts.isEmpty()) {
      return new MatchNoDocsQuery("the range of '" + key + "' holds no number");
    }
    if (parts.size() == 1) {
      return parts.getFirst();
    }
    BooleanQuery.Builder either = new BooleanQuery.Builder();
    parts.forEach(q -> either.add(q, BooleanClause.Occur.SHOULD));
    return either.build();
  }

  /** Octads whose property {@code key} holds a language-tagged string in {@code language} (case-insensitive). */
  public static Query propertyInLanguage(String key, String language) {
    requireKey(key);
    if (language == null || language.isEmpty() || language.indexOf(SemanticFields.SEPARATOR) >= 0) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "language", "give a language tag such as en or nb-NO");
    }
    return new PrefixQuery(new Term(SemanticFields.LANG,
        key + SemanticFields.SEPARATOR + SemanticFields.language(language) + SemanticFields.SEPARATOR));
  }

  /** Octads holding a stored proof of {@code type} (candidates of VQL's {@code HAS PROOF}; verification is separate). */
  public static Query withProof(ProofType type) {
    if (type == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "proof_type", "a proof type is required");
    }
    return new TermQuery(new Term(SemanticFields.PROOF_TYPE, type.name()));
  }

  /** Octads with a proof issued by, or a seal from, {@code verifier} (candidates of VQL's {@code VERIFIED BY}). */
  public static Query verifiedBy(String verifier) {
    if (verifier == null || verifier.isEmpty()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "verifier", "name the issuer or sanctifier to search for");
    }
    return new TermQuery(new Term(SemanticFields.VERIFIER, verifier));
  }

  private static Query term(String field, String term) {
    return new TermQuery(new Term(field, term));
  }

  private static String requireKey(String key) {
    if (!Limits.isName(key)) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "key",
          "'" + key + "' is not a property name; use letters, digits and _ with . between parts");
    }
    return key;
  }

  private static String requireType(String type) {
    if (type == null || type.isEmpty()) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "type", "name a type to search for");
    }
    return type;
  }
}
