package org.verisimdb.index.text;

/**
 * One highlighted passage of a document: the field it comes from ({@code title}, {@code body} or
 * another string field) and its text with every match between the marks of {@link Snippets}.
 */
public record Snippet(String field, String text) {
  public Snippet {
    if (field == null || text == null) {
      throw new IllegalArgumentException("a snippet needs a field and a text");
    }
  }
}
