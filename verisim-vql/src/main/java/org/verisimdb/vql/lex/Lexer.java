package org.verisimdb.vql.lex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Span;

/**
 * Reads tokens on demand. {@link #next()} lexes normally; the parser asks for the
 * context-dependent kinds with {@link #bareName()}, {@link #idWord()}, {@link #glob()} and
 * {@link #regex()} in the positions VQL.md §2.7 names, after {@link #reset}ting to where the
 * previous token ended. Never throws on bad input: a bad token carries its diagnostic. Comments
 * are collected as they are passed, each once. Not thread-safe: one lexer per parse.
 */
public final class Lexer {
  private final String src;
  private final int length;
  private final List<Comment> comments = new ArrayList<>();
  private int lastCommentStart = -1;
  private int pos;
  private int line = 1;
  private int col = 1;
  // Where the current token began.
  private int startPos;
  private int startLine;
  private int startCol;

  public Lexer(String source) {
    this.src = source;
    this.length = source.length();
    if (length > 0 && source.charAt(0) == '\uFEFF') {
      pos = 1; // a leading byte-order mark is ignored (§2.1)
    }
  }

  public String source() {
    return src;
  }

  /** Comments passed so far, in source order. */
  public List<Comment> comments() {
    return comments;
  }

  /** Continues lexing at {@code offset}, which is at {@code line:column}. */
  public void reset(int offset, int newLine, int column) {
    // Comments seen ahead of this point may be re-read differently (a glob or regex can start with /*).
    while (!comments.isEmpty() && comments.getLast().span().start() >= offset) {
      comments.removeLast();
    }
    lastCommentStart = comments.isEmpty() ? -1 : comments.getLast().span().start();
    pos = offset;
    line = newLine;
    col = column;
  }

  public int offset() {
    return pos;
  }

  public int line() {
    return line;
  }

  public int column() {
    return col;
  }

  /** The next token in normal lexing. */
  public Token next() {
    Token trivia = skipTrivia();
    if (trivia != null) {
      return trivia;
    }
    mark();
    if (pos >= length) {
      return token(TokenKind.EOF, "", null);
    }
    char c = src.charAt(pos);
    if (Chars.isHex(c)) {
      int end = Literals.matchUuid(src, pos);
      if (end > 0) {
        String text = src.substring(pos, end);
        advanceTo(end);
        return token(TokenKind.UUID, text, new Value.Uuid(text.toLowerCase(Locale.ROOT)));
      }
    }
    if (Chars.isDigit(c)) {
      int end = Literals.matchTimestamp(src, pos);
      if (end > 0) {
        return timestamp(end);
      }
      return number();
    }
    if (Chars.isIdentStart(c)) {
      return word();
    }
    return switch (c) {
      case '\'', '"' -> string(c);
      case '$' -> positional();
      case ':' -> pos + 1 < length && Chars.isIdentStart(src.charAt(pos + 1)) ? named() : punct(TokenKind.COLON, 1);
      case '=' -> peekIs(1, '=') ? punct(TokenKind.EQEQ, 2) : punct(TokenKind.EQ, 1);
      case '!' -> peekIs(1, '=') ? punct(TokenKind.NE, 2) : invalid(DiagnosticCode.SYNTAX_005, "invalid character '!'; use != for 'not equal'");
      case '<' -> lessThan();
      case '>' -> peekIs(1, '=') ? punct(TokenKind.GE, 2) : punct(TokenKind.GT, 1);
      case '(' -> punct(TokenKind.LPAREN, 1);
      case ')' -> punct(TokenKind.RPAREN, 1);
      case '[' -> punct(TokenKind.LBRACKET, 1);
      case ']' -> closeBracket();
      case '{' -> punct(TokenKind.LBRACE, 1);
      case '}' -> punct(TokenKind.RBRACE, 1);
      case ',' -> punct(TokenKind.COMMA, 1);
      case ';' -> punct(TokenKind.SEMI, 1);
      case '*' -> punct(TokenKind.STAR, 1);
      case '+' -> punct(TokenKind.PLUS, 1);
      case '|' -> punct(TokenKind.PIPE, 1);
      case '?' -> punct(TokenKind.QUESTION, 1);
      case '.' -> peekIs(1, '.') ? punct(TokenKind.DOTDOT, 2) : punct(TokenKind.DOT, 1);
      case '-' -> {
        if (peekIs(1, '[')) {
          yield punct(TokenKind.EDGE_OPEN, 2);
        }
        yield pos + 1 < length && Chars.isDigit(src.charAt(pos + 1)) ? number() : invalid(DiagnosticCode.SYNTAX_005, "invalid character '-'");
      }
      default -> invalidCharacter();
    };
  }

  /** A BARE_NAME if a run starts here (§2.7), else the next normal token. */
  public Token bareName() {
    return run(TokenKind.BARE_NAME);
  }

  /** An ID_WORD if a run starts here (§2.7), else the next normal token. */
  public Token idWord() {
    return run(TokenKind.ID_WORD);
  }

  private Token run(TokenKind kind) {
    Token trivia = skipTrivia();
    if (trivia != null) {
      return trivia;
    }
    if (pos >= length || !Chars.isIdentPart(src.charAt(pos))) {
      return next();
    }
    mark();
    int end = pos;
    while (end < length && Chars.isRunPart(src.charAt(end))) {
      end++;
    }
    String text = src.substring(pos, end);
    advanceTo(end);
    Object value = kind == TokenKind.BARE_NAME ? Literals.bareValue(text) : (Literals.isUuid(text) ? new Value.Uuid(text.toLowerCase(Locale.ROOT)) : null);
    return token(kind, text, value);
  }

  /** After FEDERATION: a GLOB, a '[' or an error; only whitespace may come first (§2.7). */
  public Token glob() {
    skipWhitespace();
    mark();
    if (pos >= length) {
      return token(TokenKind.EOF, "", null);
    }
    char c = src.charAt(pos);
    if (c == '[') {
      return punct(TokenKind.LBRACKET, 1);
    }
    if (c != '/') {
      return invalid(DiagnosticCode.SYNTAX_001, "expected a glob such as /labs/* or a peer list [a, b] after FEDERATION but found '" + (char) c + "'");
    }
    int end = pos;
    while (end < length && (Chars.isIdentPart(src.charAt(end)) || "*/-".indexOf(src.charAt(end)) >= 0)) {
      end++;
    }
    String text = src.substring(pos, end);
    advanceTo(end);
    String problem = globProblem(text);
    Diagnostic error = problem == null ? null : Diagnostic.of(DiagnosticCode.SYNTAX_001, span(), problem);
    return new Token(TokenKind.GLOB, null, text, text, span(), error);
  }

  static String globProblem(String glob) {
    String[] segments = glob.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean stars = segment.equals("*") || segment.equals("**");
      if (segment.isEmpty()) {
        return "invalid glob '" + glob + "': empty segment";
      }
      if (segment.equals("**") && i < segments.length - 1) {
        return "invalid glob '" + glob + "': '**' may only be the last segment";
      }
      if (!stars && !segment.chars().allMatch(ch -> Chars.isIdentPart(ch) || ch == '-')) {
        return "invalid glob '" + glob + "': a segment is a name of [A-Za-z0-9_-], '*' or '**'";
      }
    }
    return null;
  }

  /** After FULLTEXT MATCHES: a REGEX if '/' comes next, else the next normal token. */
  public Token regex() {
    skipWhitespace();
    if (pos >= length || src.charAt(pos) != '/') {
      return next();
    }
    mark();
    StringBuilder pattern = new StringBuilder();
    int p = pos + 1;
    while (true) {
      if (p >= length) {
        advanceTo(length);
        return new Token(TokenKind.REGEX, null, pattern.toString(), "", span(),
            Diagnostic.of(DiagnosticCode.SYNTAX_003, span(), "unterminated regular expression: no closing '/'"));
      }
      char c = src.charAt(p);
      if (c == '/') {
        break;
      }
      if (c == '\\' && p + 1 < length) {
        char escaped = src.charAt(p + 1);
        if (escaped != '/') {
          pattern.append(c);
        }
        pattern.append(escaped);
        p += 2;
      } else {
        pattern.append(c);
        p++;
      }
    }
    int flagsFrom = ++p;
    while (p < length && Chars.isIdentPart(src.charAt(p))) {
      p++;
    }
    String flags = src.substring(flagsFrom, p);
    advanceTo(p);
    String canonical = canonicalFlags(flags);
    Diagnostic error = canonical != null ? null
        : Diagnostic.of(DiagnosticCode.SYNTAX_001, span(), "invalid regular expression flags '" + flags + "': use i, m and s, each at most once");
    return new Token(TokenKind.REGEX, null, pattern.toString(), canonical == null ? "" : canonical, span(), error);
  }

  /** The flags in the order i, m, s, or null if any is unknown or repeated. */
  static String canonicalFlags(String flags) {
    StringBuilder out = new StringBuilder(3);
    for (char f : new char[] {'i', 'm', 's'}) {
      int count = (int) flags.chars().filter(ch -> ch == f).count();
      if (count > 1) {
        return null;
      }
      if (count == 1) {
        out.append(f);
      }
    }
    return out.length() == flags.length() ? out.toString() : null;
  }

  // ---- trivia

  /** Skips whitespace and comments; returns an INVALID token for an unterminated block comment. */
  private Token skipTrivia() {
    while (pos < length) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        advanceOne();
      } else if (c == '-' && peekIs(1, '-')) {
        mark();
        int end = pos;
        while (end < length && src.charAt(end) != '\n' && src.charAt(end) != '\r') {
          end++;
        }
        advanceTo(end);
        addComment();
      } else if (c == '/' && peekIs(1, '*')) {
        mark();
        int close = src.indexOf("*/", pos + 2);
        if (close < 0) {
          advanceTo(length);
          return new Token(TokenKind.INVALID, null, src.substring(startPos), null, span(),
              Diagnostic.of(DiagnosticCode.SYNTAX_004, span(), "unterminated block comment: no closing */"));
        }
        advanceTo(close + 2);
        addComment();
      } else {
        return null;
      }
    }
    return null;
  }

  private void skipWhitespace() {
    while (pos < length) {
      char c = src.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
        return;
      }
      advanceOne();
    }
  }

  private void addComment() {
    if (startPos > lastCommentStart) {
      lastCommentStart = startPos;
      comments.add(new Comment(span(), src.substring(startPos, pos)));
    }
  }

  // ---- tokens

  private Token word() {
    int end = pos + 1;
    while (end < length && Chars.isIdentPart(src.charAt(end))) {
      end++;
    }
    String text = src.substring(pos, end);
    advanceTo(end);
    Keyword keyword = Keyword.of(text);
    return new Token(keyword == null ? TokenKind.IDENT : TokenKind.KEYWORD, keyword, text, null, span(), null);
  }

  private Token timestamp(int end) {
    String text = src.substring(pos, end);
    advanceTo(end);
    try {
      return token(TokenKind.TIMESTAMP, text, Literals.parseTimestamp(text));
    } catch (java.time.DateTimeException e) {
      return new Token(TokenKind.TIMESTAMP, null, text, null, span(),
          Diagnostic.of(DiagnosticCode.VALUE_007, span(), "invalid timestamp '" + text + "': " + e.getMessage()));
    }
  }

  private Token number() {
    int p = pos;
    if (src.charAt(p) == '-') {
      p++;
    }
    while (p < length && Chars.isDigit(src.charAt(p))) {
      p++;
    }
    boolean isFloat = false;
    if (p + 1 < length && src.charAt(p) == '.' && Chars.isDigit(src.charAt(p + 1))) {
      isFloat = true;
      p += 2;
      while (p < length && Chars.isDigit(src.charAt(p))) {
        p++;
      }
    }
    if (p < length && (src.charAt(p) == 'e' || src.charAt(p) == 'E')) {
      int q = p + 1;
      if (q < length && (src.charAt(q) == '+' || src.charAt(q) == '-')) {
        q++;
      }
      if (q < length && Chars.isDigit(src.charAt(q))) {
        isFloat = true;
        p = q;
        while (p < length && Chars.isDigit(src.charAt(p))) {
          p++;
        }
      }
    }
    if (p < length && Chars.isIdentPart(src.charAt(p))) {
      while (p < length && Chars.isIdentPart(src.charAt(p))) {
        p++;
      }
      String text = src.substring(pos, p);
      advanceTo(p);
      return new Token(isFloat ? TokenKind.FLOAT : TokenKind.INTEGER, null, text, isFloat ? (Object) 0.0 : (Object) 0L, span(), Diagnostic.of(
          DiagnosticCode.SYNTAX_006, span(), "invalid number '" + text + "': a number cannot be directly followed by a letter or '_'"));
    }
    String text = src.substring(pos, p);
    advanceTo(p);
    if (isFloat) {
      double d = Double.parseDouble(text);
      if (!Double.isFinite(d)) {
        return new Token(TokenKind.FLOAT, null, text, 0.0, span(),
            Diagnostic.of(DiagnosticCode.SYNTAX_006, span(), "invalid number '" + text + "': not a finite double"));
      }
      return token(TokenKind.FLOAT, text, d);
    }
    try {
      return token(TokenKind.INTEGER, text, Long.parseLong(text));
    } catch (NumberFormatException e) {
      return new Token(TokenKind.INTEGER, null, text, 0L, span(),
          Diagnostic.of(DiagnosticCode.SYNTAX_006, span(), "invalid number '" + text + "': integers range from -2^63 to 2^63-1"));
    }
  }

  private Token string(char quote) {
    StringBuilder value = new StringBuilder();
    Diagnostic error = null;
    advanceOne();
    while (true) {
      if (pos >= length) {
        return new Token(TokenKind.STRING, null, value.toString(), value.toString(), span(),
            Diagnostic.of(DiagnosticCode.SYNTAX_003, span(), "unterminated string: no closing " + quote));
      }
      char c = src.charAt(pos);
      if (c == quote) {
        advanceOne();
        return new Token(TokenKind.STRING, null, value.toString(), value.toString(), span(), error);
      }
      if (c != '\\') {
        int before = pos;
        advanceOne(); // a CR LF pair is consumed at once and kept whole
        value.append(src, before, pos);
        continue;
      }
      int escapeStart = pos;
      int escapeLine = line;
      int escapeCol = col;
      char e = pos + 1 < length ? src.charAt(pos + 1) : '\0';
      switch (e) {
        case '\\', '\'', '"' -> value.append(e);
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'u' -> {
          if (pos + 6 <= length && hex4(pos + 2)) {
            value.append((char) Integer.parseInt(src, pos + 2, pos + 6, 16));
            advanceTo(pos + 6);
            continue;
          }
        }
        default -> { }
      }
      if (e == 'u' || !(e == '\\' || e == '\'' || e == '"' || e == 'n' || e == 'r' || e == 't')) {
        int end = Math.min(length, pos + (e == '\0' ? 1 : 2));
        advanceTo(end);
        if (error == null) {
          Span at = new Span(escapeStart, end, escapeLine, escapeCol, line, col);
          String shown = src.substring(escapeStart, end);
          error = Diagnostic.of(DiagnosticCode.SYNTAX_007, at, "unknown escape '" + shown + "'")
              .withHint("escapes are \\\\ \\' \\\" \\n \\r \\t and \\uXXXX; write a backslash as \\\\");
        }
        continue;
      }
      advanceTo(pos + 2);
    }
  }

  private boolean hex4(int at) {
    for (int i = at; i < at + 4; i++) {
      if (!Chars.isHex(src.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private Token positional() {
    int p = pos + 1;
    while (p < length && Chars.isIdentPart(src.charAt(p))) {
      p++;
    }
    String digits = src.substring(pos + 1, p);
    advanceTo(p);
    String problem = null;
    int index = 0;
    if (digits.isEmpty() || !digits.chars().allMatch(Chars::isDigit)) {
      problem = "invalid parameter '$" + digits + "': positional parameters are $1, $2, …";
    } else if (digits.charAt(0) == '0') {
      problem = "invalid parameter number '$" + digits + "': parameters are numbered from 1 without leading zeros";
    } else if (digits.length() > 9) {
      problem = "invalid parameter number '$" + digits + "': too large";
    } else {
      index = Integer.parseInt(digits);
    }
    Diagnostic error = problem == null ? null : Diagnostic.of(DiagnosticCode.SYNTAX_006, span(), problem);
    return new Token(TokenKind.POS_PARAM, null, digits, index, span(), error);
  }

  private Token named() {
    int end = pos + 2;
    while (end < length && Chars.isIdentPart(src.charAt(end))) {
      end++;
    }
    String name = src.substring(pos + 1, end);
    advanceTo(end);
    return token(TokenKind.NAMED_PARAM, name, name);
  }

  private Token lessThan() {
    if (peekIs(1, '-') && peekIs(2, '[')) {
      return punct(TokenKind.EDGE_IN_OPEN, 3);
    }
    if (peekIs(1, '=')) {
      return punct(TokenKind.LE, 2);
    }
    return peekIs(1, '>') ? punct(TokenKind.LTGT, 2) : punct(TokenKind.LT, 1);
  }

  private Token closeBracket() {
    if (peekIs(1, '-')) {
      if (peekIs(2, '>')) {
        return punct(TokenKind.EDGE_OUT_CLOSE, 3);
      }
      // `]-` is a token only when the '-' does not begin a comment or a negative number (§2.8).
      boolean commentOrNumber = pos + 2 < length && (src.charAt(pos + 2) == '-' || Chars.isDigit(src.charAt(pos + 2)));
      if (!commentOrNumber) {
        return punct(TokenKind.EDGE_CLOSE, 2);
      }
    }
    return punct(TokenKind.RBRACKET, 1);
  }

  private Token invalidCharacter() {
    int cp = src.codePointAt(pos);
    String shown = cp < 0x20 || cp == 0x7f ? String.format("U+%04X", cp) : new String(Character.toChars(cp));
    return invalid(DiagnosticCode.SYNTAX_005, "invalid character '" + shown + "'");
  }

  private Token invalid(DiagnosticCode code, String message) {
    int end = pos + Character.charCount(src.codePointAt(pos));
    String text = src.substring(pos, end);
    advanceTo(end);
    return new Token(TokenKind.INVALID, null, text, null, span(), Diagnostic.of(code, span(), message));
  }

  private Token punct(TokenKind kind, int width) {
    String text = src.substring(pos, pos + width);
    advanceTo(pos + width);
    return token(kind, text, null);
  }

  private Token token(TokenKind kind, String text, Object value) {
    return new Token(kind, null, text, value, span(), null);
  }

  // ---- positions

  private boolean peekIs(int ahead, char c) {
    return pos + ahead < length && src.charAt(pos + ahead) == c;
  }

  private void mark() {
    startPos = pos;
    startLine = line;
    startCol = col;
  }

  private Span span() {
    return new Span(startPos, pos, startLine, startCol, line, col);
  }

  private void advanceTo(int target) {
    while (pos < target) {
      advanceOne();
    }
  }

  private void advanceOne() {
    char c = src.charAt(pos++);
    if (c == '\n') {
      line++;
      col = 1;
    } else if (c == '\r') {
      if (pos < length && src.charAt(pos) == '\n') {
        pos++;
      }
      line++;
      col = 1;
    } else if (!Character.isLowSurrogate(c) || pos < 2 || !Character.isHighSurrogate(src.charAt(pos - 2))) {
      col++;
    }
  }
}
