package org.verisimdb.cli.admin;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * Where a command writes a whole file: standard output for {@code -}, otherwise a file written
 * beside the target ({@code FILE.partial}) and renamed at the end, so a failed run never leaves a
 * file that looks whole.
 */
final class OutputTarget {
  /** Writes to the stream it is given; the stream is flushed and, for a file, closed afterwards. */
  interface Work<T> {
    T write(OutputStream out) throws IOException;
  }

  private OutputTarget() {}

  static <T> T write(String out, Work<T> work) {
    if (out.equals("-")) {
      OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
      try {
        T result = work.write(stdout);
        stdout.flush();
        return result;
      } catch (IOException e) {
        throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot write to standard output: " + e.getMessage(), e);
      }
    }
    Path target = Path.of(out).toAbsolutePath();
    Path temp = target.resolveSibling(target.getFileName() + ".partial");
    T result;
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
      result = work.write(file);
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot write " + temp + ": " + e.getMessage(), e);
    }
    try {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot rename " + temp + " to " + target + ": " + e.getMessage(), e);
    }
    return result;
  }
}
