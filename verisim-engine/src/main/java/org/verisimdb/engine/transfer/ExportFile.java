package org.verisimdb.engine.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Reads an export file line by line, strictly as UTF-8, counting lines for messages. Owned by
 * one thread; close it.
 */
final class ExportFile implements AutoCloseable {
  private final Path path;
  private final BufferedReader reader;
  private long lineNumber;

  ExportFile(Path path) {
    this.path = path;
    try {
      this.reader = new BufferedReader(new InputStreamReader(Files.newInputStream(path),
          StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
          1 << 16);
    } catch (NoSuchFileException e) {
      throw new VeriSimException(ErrorCode.TRANSFER_INVALID, "export file " + path + " does not exist");
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** The next line without its newline, or null at the end. */
  String next() {
    try {
      String line = reader.readLine();
      if (line != null) {
        lineNumber++;
      }
      return line;
    } catch (CharacterCodingException e) {
      throw invalid("line " + (lineNumber + 1) + " is not valid UTF-8: the file was damaged or is not an export");
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot read " + path + " at line " + (lineNumber + 1) + ": " + e.getMessage(), e);
    }
  }

  long lineNumber() {
    return lineNumber;
  }

  VeriSimException invalid(String problem) {
    return new VeriSimException(ErrorCode.TRANSFER_INVALID, "export file " + path + ": " + problem);
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // reading is over; nothing to save
    }
  }
}
