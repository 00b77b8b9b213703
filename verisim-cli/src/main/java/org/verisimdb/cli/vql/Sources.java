package org.verisimdb.cli.vql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/** The inputs of {@code vql check}, {@code vql fmt} and {@code vql -f}: named files, or standard input for "-" or no name. */
final class Sources {
  static final String STDIN = "<stdin>";

  /** One input: its display name, its text, and the byte offset of the first invalid UTF-8 sequence (-1 if none). */
  record Source(String name, String text, int invalidUtf8At) {}

  private Sources() {}

  static List<Source> read(List<String> names, InputStream stdin) {
    List<String> all = names == null || names.isEmpty() ? List.of("-") : names;
    List<Source> out = new ArrayList<>();
    for (String name : all) {
      try {
        byte[] bytes = name.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(name));
        out.add(decode(name.equals("-") ? STDIN : name, bytes));
      } catch (NoSuchFileException e) {
        throw new VeriSimException(ErrorCode.INVALID_ARGUMENT, "cannot read '" + name + "': no such file; check the path");
      } catch (IOException e) {
        throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot read '" + name + "': " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** Strict UTF-8 (VQL.md §2.1): invalid input is reported, and the text up to it is still checked. */
  static Source decode(String name, byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      return new Source(name, text, -1);
    } catch (CharacterCodingException e) {
      int bad = firstInvalid(bytes);
      String prefix = new String(bytes, 0, bad, StandardCharsets.UTF_8);
      return new Source(name, prefix, bad);
    }
  }

  private static int firstInvalid(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    int lo = 0;
    int hi = bytes.length;
    // The longest valid prefix, found by bisection: decoding is monotone in the prefix length up to a character boundary.
    while (lo < hi) {
      int mid = (lo + hi + 1) / 2;
      try {
        decoder.reset().decode(ByteBuffer.wrap(bytes, 0, mid));
        lo = mid;
      } catch (CharacterCodingException e) {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
