package org.verisimdb.index.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.util.BytesRef;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.value.Value;

/**
 * The fields of the octad document that hold its DOCUMENT modality. For a document field named
 * {@code f} (names may contain dots: {@code venue.city}):
 *
 * <table>
 * <caption>Lucene fields</caption>
 * <tr><th>field</th><th>for</th><th>holds</th></tr>
 * <tr><td>{@code doc.all}</td><td>every string</td><td>the document's text (VQL §6.2): title, body
 *     and every string field, analysed by {@link VqlAnalyzer} (BM25), {@value TextTerms#VALUE_GAP}
 *     positions between values so no phrase spans two</td></tr>
 * <tr><td>{@code doc.text.f}</td><td>string</td><td>the value analysed (BM25); {@link #TITLE} and
 *     {@link #BODY} are the two with fixed meaning</td></tr>
 * <tr><td>{@code doc.kw.f}</td><td>string</td><td>the exact value as one keyword ({@link #keyword}): the
 *     value itself, or a digest when its UTF-8 form is too long for a Lucene term</td></tr>
 * <tr><td>{@code doc.long.f}</td><td>integer</td><td>point and sorted numeric doc value
 *     ({@link LongField}): range queries and sorting</td></tr>
 * <tr><td>{@code doc.double.f}</td><td>number</td><td>point and sorted numeric doc value
 *     ({@link DoubleField}); -0.0 is stored as 0.0, which VQL compares equal to it</td></tr>
 * <tr><td>{@code doc.bool.f}</td><td>boolean</td><td>keyword {@code true} or {@code false}</td></tr>
 * <tr><td>{@code doc.field}</td><td>every field</td><td>the field's name as a keyword (field present)</td></tr>
 * <tr><td>{@code <analysed field>#len}</td><td>every analysed field</td><td>its exact number of terms, a
 *     numeric doc value for exact BM25 statistics over live documents</td></tr>
 * </table>
 *
 * Integers and numbers live in separate fields so that both keep their exact values; a numeric
 * query covers both (VQL compares them after widening integers to floats).
 */
public final class TextFields {
  /** The document's whole text: title, body and every string field. */
  public static final String ALL = "doc.all";
  /** Prefix of the analysed text of one string field. */
  public static final String TEXT = "doc.text.";
  /** The analysed title. */
  public static final String TITLE = TEXT + DocumentFacet.TITLE;
  /** The analysed body. */
  public static final String BODY = TEXT + DocumentFacet.BODY;
  /** Prefix of the exact keyword of one string field. */
  public static final String KEYWORD = "doc.kw.";
  /** Prefix of an integer field. */
  public static final String LONG = "doc.long.";
  /** Prefix of a (floating-point) number field. */
  public static final String DOUBLE = "doc.double.";
  /** Prefix of a boolean field. */
  public static final String BOOL = "doc.bool.";
  /** The names of the fields a document has. */
  public static final String FIELD = "doc.field";
  /** Suffix of the doc value holding an analysed field's number of terms. */
  static final String LENGTH = "#len";

  // A keyword digest starts with a byte UTF-8 never uses, so it cannot equal a stored value.
  private static final byte DIGEST_MARK = (byte) 0xFF;

  private TextFields() {}

  public static void add(Document doc, DocumentFacet facet) {
    List<List<String>> all = new ArrayList<>();
    String title = facet.title();
    String body = facet.body();
    if (title != null) {
      all.add(text(doc, DocumentFacet.TITLE, title));
    }
    if (body != null) {
      all.add(text(doc, DocumentFacet.BODY, body));
    }
    for (Map.Entry<String, Value> entry : facet.fields().entrySet()) {
      String name = entry.getKey();
      doc.add(new StringField(FIELD, name, Field.Store.NO));
      switch (entry.getValue()) {
        case Value.Str(String s) -> {
          if (!name.equals(DocumentFacet.TITLE) && !name.equals(DocumentFacet.BODY)) {
            all.add(text(doc, name, s));
          }
        }
        case Value.Int(long v) -> doc.add(new LongField(LONG + name, v, Field.Store.NO));
        case Value.Real(double v) -> doc.add(new DoubleField(DOUBLE + name, v == 0 ? 0.0 : v, Field.Store.NO));
        case Value.Bool(boolean v) -> doc.add(new StringField(BOOL + name, Boolean.toString(v), Field.Store.NO));
        // DocumentFacet admits scalars only; the richer kinds never reach here.
        case Value.LangStr l -> throw new IllegalArgumentException("document field " + name + " holds a language string");
        case Value.Typed t -> throw new IllegalArgumentException("document field " + name + " holds a typed literal");
        case Value.Ref r -> throw new IllegalArgumentException("document field " + name + " holds a reference");
        case Value.Seq s -> throw new IllegalArgumentException("document field " + name + " holds a collection");
      }
    }
    long length = all.stream().mapToLong(List::size).sum();
    if (length > 0) {
      doc.add(new TextField(ALL, TextTerms.stream(all)));
      doc.add(new NumericDocValuesField(ALL + LENGTH, length));
    }
  }

  /** Adds the analysed and keyword fields of one string; returns its terms. */
  private static List<String> text(Document doc, String name, String value) {
    doc.add(new StringField(KEYWORD + name, keyword(value), Field.Store.NO));
    List<String> terms = TextTerms.of(value);
    if (!terms.isEmpty()) {
      doc.add(new TextField(TEXT + name, TextTerms.stream(List.of(terms))));
      doc.add(new NumericDocValuesField(TEXT + name + LENGTH, terms.size()));
    }
    return terms;
  }

  /**
   * The keyword term of a string value: its UTF-8 bytes, or for a value longer than a Lucene term
   * may be, a 0xFF byte and the SHA-256 of those bytes. Equality stays exact either way; only a
   * string range query misses values too long to be stored whole.
   */
  public static BytesRef keyword(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= IndexWriter.MAX_TERM_LENGTH) {
      return new BytesRef(utf8);
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(utf8);
      byte[] term = new byte[digest.length + 1];
      term[0] = DIGEST_MARK;
      System.arraycopy(digest, 0, term, 1, digest.length);
      return new BytesRef(term);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The analysed field of document field {@code name}; null stands for the whole text ({@link #ALL}). */
  public static String textField(String name) {
    return name == null ? ALL : TEXT + name;
  }

  /**
   * Sorts by the numeric field {@code name}: integers when the field holds integers, else
   * numbers; documents without it sort last.
   */
  public static SortField sortByNumber(String name, boolean integers, boolean descending) {
    SortedNumericSelector.Type min = SortedNumericSelector.Type.MIN;
    return integers
        ? LongField.newSortField(LONG + name, descending, min, descending ? Long.MIN_VALUE : Long.MAX_VALUE)
        : DoubleField.newSortField(DOUBLE + name, descending, min, descending ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
  }
}
