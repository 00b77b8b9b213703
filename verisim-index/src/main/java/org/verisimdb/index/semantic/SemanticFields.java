package org.verisimdb.index.semantic;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.NumericUtils;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.Seal;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.StoredProof;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.model.value.Value;

/**
 * The fields of the octad document that hold its semantic modality: declared types, properties
 * by key and value, and who issued its proofs and seals.
 *
 * <p>Property fields are shared by all keys, so any number of distinct keys costs a fixed number
 * of Lucene fields: keyword terms are {@code key \0 value}, numbers are two-dimensional points
 * (64-bit hash of the key, value). Each item of a collection is indexed as if it were the value,
 * so a search matches when any item does (VQL §6.1). Strings whose term would pass {@value
 * #MAX_TERM_BYTES} bytes are indexed by their SHA-256, so equality still works.
 *
 * <p>Thread-safe: stateless.
 */
public final class SemanticFields {
  /** Keyword: each declared type, exactly as written (no supertypes: those are resolved at query time). */
  public static final String TYPE = "sem.type";
  /** Keyword: each property key. */
  public static final String KEY = "sem.key";
  /** Keyword {@code key \0 text}: strings, and the text of language-tagged strings. */
  public static final String STRING = "sem.str";
  /** Keyword {@code key \0 language \0 text}: language-tagged strings, the tag in lower case. */
  public static final String LANG = "sem.lang";
  /** Keyword {@code key \0 datatype \0 lexical form}: typed literals. */
  public static final String TYPED = "sem.typed";
  /** Keyword {@code key \0 octad id}: references. */
  public static final String REF = "sem.ref";
  /** Keyword {@code key \0 true} or {@code key \0 false}. */
  public static final String BOOL = "sem.bool";
  /** Point (key hash, value): integers. */
  public static final String INT = "sem.int";
  /** Point (key hash, sortable bits of the value, -0.0 as 0.0): floats. */
  public static final String REAL = "sem.real";
  /** Keyword: the type of each stored proof. */
  public static final String PROOF_TYPE = "sem.proof_type";
  /** Keyword: each proof issuer and each seal's sanctifier (the candidates of VQL's {@code VERIFIED BY}). */
  public static final String VERIFIER = "sem.verifier";

  static final int MAX_TERM_BYTES = 1024;
  static final char SEPARATOR = '\u0000';
  /** Starts the hashed form of a long text; no stored text contains U+0001. */
  static final char HASHED = '\u0001';

  private SemanticFields() {}

  public static void add(Document doc, SemanticFacet facet) {
    for (String type : facet.types()) {
      doc.add(new StringField(TYPE, type, Field.Store.NO));
    }
    for (Map.Entry<String, Value> p : facet.properties().entrySet()) {
      doc.add(new StringField(KEY, p.getKey(), Field.Store.NO));
      addValue(doc, p.getKey(), keyHash(p.getKey()), p.getValue());
    }
    for (StoredProof proof : facet.proofs()) {
      doc.add(new StringField(PROOF_TYPE, proof.type().name(), Field.Store.NO));
      doc.add(new StringField(VERIFIER, proof.issuer(), Field.Store.NO));
    }
    for (Seal seal : facet.seals()) {
      doc.add(new StringField(VERIFIER, seal.sanctifier(), Field.Store.NO));
    }
  }

  private static void addValue(Document doc, String key, long hash, Value value) {
    switch (value) {
      case Value.Str(String s) -> keyword(doc, STRING, term(key, s));
      case Value.LangStr(String s, String language) -> {
        keyword(doc, STRING, term(key, s));
        keyword(doc, LANG, term(key + SEPARATOR + language(language), s));
      }
      case Value.Typed(String lexical, String datatype) -> keyword(doc, TYPED, term(key + SEPARATOR + datatype, lexical));
      case Value.Ref(OctadId target) -> keyword(doc, REF, term(key, target.value()));
      case Value.Bool(boolean b) -> keyword(doc, BOOL, term(key, Boolean.toString(b)));
      case Value.Int(long l) -> doc.add(new LongPoint(INT, hash, l));
      case Value.Real(double d) -> doc.add(new LongPoint(REAL, hash, sortable(d)));
      case Value.Seq(List<Value> items) -> {
        for (Value item : items) {
          addValue(doc, key, hash, item);
        }
      }
    }
  }

  private static void keyword(Document doc, String field, String term) {
    doc.add(new StringField(field, term, Field.Store.NO));
  }

  /** {@code prefix \0 text}, or {@code prefix \0 U+0001 sha256(text)} when that would be too long a term. */
  static String term(String prefix, String text) {
    if ((prefix.length() + text.length()) * 3 > MAX_TERM_BYTES
        && (prefix + text).getBytes(StandardCharsets.UTF_8).length + 1 > MAX_TERM_BYTES) {
      text = HASHED + Sha256.hex(text);
    }
    return prefix + SEPARATOR + text;
  }

  /** Language tags compare case-insensitively (BCP 47), so they are indexed in lower case. */
  static String language(String tag) {
    return tag.toLowerCase(Locale.ROOT);
  }

  /** The first 64 bits of the key's SHA-256: the first dimension of the number points. */
  static long keyHash(String key) {
    byte[] h = Sha256.digest().digest(key.getBytes(StandardCharsets.UTF_8));
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (h[i] & 0xff);
    }
    return v;
  }

  /** The point encoding of a float; -0.0 and 0.0 are one value. */
  static long sortable(double d) {
    return NumericUtils.doubleToSortableLong(d == 0 ? 0.0 : d);
  }
}
