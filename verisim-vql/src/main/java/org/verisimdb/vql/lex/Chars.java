package org.verisimdb.vql.lex;

/** Character classes of VQL.md §2; all ASCII. */
public final class Chars {
  private Chars() {}

  public static boolean isIdentStart(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  public static boolean isIdentPart(int c) {
    return isIdentStart(c) || isDigit(c);
  }

  public static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  public static boolean isHex(int c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** {@code [A-Za-z0-9_.:-]}: the characters of a BARE_NAME or ID_WORD run, and what must not follow a UUID or timestamp. */
  public static boolean isRunPart(int c) {
    return isIdentPart(c) || c == '.' || c == ':' || c == '-';
  }

  /** True if {@code text} is an identifier: {@code [A-Za-z_][A-Za-z0-9_]*}. Reserved words are not excluded here. */
  public static boolean isIdentifierShape(String text) {
    if (text.isEmpty() || !isIdentStart(text.charAt(0))) {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      if (!isIdentPart(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** ASCII upper case; VQL words are ASCII, so no locale is involved. */
  public static String upper(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= 'a' && c <= 'z') {
        char[] chars = word.toCharArray();
        for (int j = i; j < chars.length; j++) {
          if (chars[j] >= 'a' && chars[j] <= 'z') {
            chars[j] = (char) (chars[j] - 32);
          }
        }
        return new String(chars);
      }
    }
    return word;
  }
}
