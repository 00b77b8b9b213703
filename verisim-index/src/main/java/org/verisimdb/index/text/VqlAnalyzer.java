package org.verisimdb.index.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * Terms as VQL §6.2 defines them: text is split at every character that is not a Unicode letter
 * or digit, and each term is lower-cased (per code point, locale-independent). No stemming and
 * no stop words, so a term query matches exactly the documents whose text holds that word.
 */
public final class VqlAnalyzer extends Analyzer {
  /** Longest term kept whole; a longer run of letters and digits is cut into pieces of this length. */
  public static final int MAX_TERM_LENGTH = 255;

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    CharTokenizer tokenizer = CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
    TokenStream lower = new LowerCaseFilter(tokenizer);
    return new TokenStreamComponents(tokenizer, lower);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
