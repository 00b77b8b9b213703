package org.verisimdb.vql.format;

import java.util.ArrayList;
import java.util.List;
import org.verisimdb.vql.lex.Chars;
import org.verisimdb.vql.lex.Comment;
import org.verisimdb.vql.parse.ParsedScript;
import org.verisimdb.vql.parse.ParsedStatement;
import org.verisimdb.vql.parse.Parser;

/**
 * {@code vql fmt} (VQL.md §11): canonical layout of every statement of a script, comments kept on
 * their own lines before the line of the clause they were in. A statement with errors is kept as
 * written. Idempotent, and {@code parse(format(q))} equals {@code parse(q)}. Stateless.
 */
public final class Formatter {
  private Formatter() {}

  /** The formatted text of a script (or of one statement, which is printed without ';'). */
  public static String format(String script) {
    return format(Parser.parseScript(script));
  }

  public static String format(ParsedScript script) {
    List<ParsedStatement> statements = script.statements();
    if (statements.isEmpty()) {
      StringBuilder out = new StringBuilder();
      for (Comment c : script.looseComments()) {
        out.append(c.text()).append('\n');
      }
      return out.toString();
    }
    boolean single = statements.size() == 1;
    StringBuilder out = new StringBuilder();
    List<Comment> carried = List.of();
    for (int i = 0; i < statements.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      // Comments after a statement's last token belong, once its ';' is printed, to the next statement.
      for (Comment c : carried) {
        out.append(c.text()).append('\n');
      }
      carried = statement(out, statements.get(i), !single);
    }
    for (Comment c : carried) {
      out.append(c.text()).append('\n');
    }
    return out.toString();
  }

  /** Prints one statement and returns its trailing comments, which the caller places. */
  private static List<Comment> statement(StringBuilder out, ParsedStatement parsed, boolean terminate) {
    if (parsed.statement() == null) {
      asWritten(out, parsed, terminate);
      return List.of();
    }
    List<Line> lines = Printer.lines(parsed.statement());
    String src = parsed.source();
    int[] lineStarts = new int[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      lineStarts[i] = lineStart(src, lines.get(i), parsed.comments());
    }
    List<List<Comment>> before = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      before.add(new ArrayList<>());
    }
    List<Comment> trailing = new ArrayList<>();
    for (Comment c : parsed.comments()) {
      if (c.span().start() >= parsed.span().end()) {
        trailing.add(c);
        continue;
      }
      int p = nextToken(src, c.span().end(), parsed.comments());
      int best = -1;
      for (int i = 0; i < lines.size(); i++) {
        if (lineStarts[i] <= p && (best < 0 || lineStarts[i] > lineStarts[best])) {
          best = i;
        }
      }
      before.get(Math.max(best, 0)).add(c);
    }
    for (int i = 0; i < lines.size(); i++) {
      for (Comment c : before.get(i)) {
        out.append(c.text()).append('\n');
      }
      out.append(lines.get(i).text());
      if (i < lines.size() - 1) {
        out.append('\n');
      }
    }
    out.append(terminate ? ";\n" : "\n");
    return trailing;
  }

  /** A statement with errors: its text as written, with its comments, and the ';' where a line comment cannot swallow it. */
  private static void asWritten(StringBuilder out, ParsedStatement parsed, boolean terminate) {
    String src = parsed.source();
    int end = parsed.regionEnd();
    if (end > parsed.regionStart() && end <= src.length() && src.charAt(end - 1) == ';' && end - 1 >= parsed.span().end()) {
      end--;
    }
    String text = src.substring(parsed.regionStart(), end).strip();
    out.append(text);
    if (terminate) {
      boolean endsInLineComment = parsed.comments().stream()
          .anyMatch(c -> c.text().startsWith("--") && text.endsWith(c.text()));
      out.append(endsInLineComment ? "\n;" : ";");
    }
    out.append('\n');
  }

  /** Where a line begins in the source: its clause keyword if that directly precedes its node, else the node. */
  private static int lineStart(String src, Line line, List<Comment> comments) {
    if (line.keyword().isEmpty()) {
      return line.nodeStart();
    }
    String[] words = line.keyword().split(" ");
    int p = line.nodeStart();
    for (int i = words.length - 1; i >= 0; i--) {
      int q = previousWordStart(src, p, comments);
      if (q < 0 || !src.regionMatches(true, q, words[i], 0, words[i].length()) || q + words[i].length() != wordEnd(src, q)) {
        return line.nodeStart();
      }
      p = q;
    }
    return p;
  }

  private static int wordEnd(String src, int from) {
    int p = from;
    while (p < src.length() && Chars.isIdentPart(src.charAt(p))) {
      p++;
    }
    return p;
  }

  /** Start of the word that ends before {@code pos} (whitespace and comments skipped), or -1. */
  private static int previousWordStart(String src, int pos, List<Comment> comments) {
    int p = pos;
    while (true) {
      while (p > 0 && Character.isWhitespace(src.charAt(p - 1))) {
        p--;
      }
      boolean skipped = false;
      for (Comment c : comments) {
        if (c.span().end() == p && c.span().start() < p) {
          p = c.span().start();
          skipped = true;
          break;
        }
      }
      if (!skipped) {
        break;
      }
    }
    int end = p;
    while (p > 0 && Chars.isIdentPart(src.charAt(p - 1))) {
      p--;
    }
    return p == end ? -1 : p;
  }

  /** The start of the first token at or after {@code pos}. */
  private static int nextToken(String src, int pos, List<Comment> comments) {
    int p = pos;
    while (true) {
      while (p < src.length() && Character.isWhitespace(src.charAt(p))) {
        p++;
      }
      boolean skipped = false;
      for (Comment c : comments) {
        if (c.span().start() == p) {
          p = c.span().end();
          skipped = true;
          break;
        }
      }
      if (!skipped) {
        return p;
      }
    }
  }
}
