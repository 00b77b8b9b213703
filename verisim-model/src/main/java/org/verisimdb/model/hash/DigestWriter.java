package org.verisimdb.model.hash;

import java.io.Writer;
import java.security.MessageDigest;

/**
 * A Writer that encodes characters as UTF-8 straight into a {@link MessageDigest}, through a
 * small buffer, so that hashing canonical JSON allocates almost nothing and never holds the
 * text. Surrogate pairs may be split across writes. Owned by one thread.
 */
final class DigestWriter extends Writer {
  private final MessageDigest digest;
  private final byte[] buffer = new byte[512];
  private int size;
  private char pendingHigh;

  DigestWriter(MessageDigest digest) {
    this.digest = digest;
  }

  @Override
  public void write(int c) {
    put((char) c);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      put(chars[i]);
    }
  }

  @Override
  public void write(String text, int offset, int length) {
    int end = offset + length;
    int i = offset;
    while (i < end) {
      // ASCII runs, the common case, go straight into the buffer.
      if (pendingHigh == 0 && size < buffer.length) {
        char c = text.charAt(i);
        if (c < 0x80) {
          buffer[size++] = (byte) c;
          i++;
          continue;
        }
      }
      put(text.charAt(i++));
    }
  }

  private void put(char c) {
    if (size > buffer.length - 4) {
      flush();
    }
    if (pendingHigh != 0) {
      char high = pendingHigh;
      pendingHigh = 0;
      if (Character.isLowSurrogate(c)) {
        int cp = Character.toCodePoint(high, c);
        buffer[size++] = (byte) (0xF0 | (cp >> 18));
        buffer[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buffer[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buffer[size++] = (byte) (0x80 | (cp & 0x3F));
        return;
      }
      replacement();
      put(c);
      return;
    }
    if (c < 0x80) {
      buffer[size++] = (byte) c;
    } else if (c < 0x800) {
      buffer[size++] = (byte) (0xC0 | (c >> 6));
      buffer[size++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isHighSurrogate(c)) {
      pendingHigh = c;
    } else if (Character.isLowSurrogate(c)) {
      replacement();
    } else {
      buffer[size++] = (byte) (0xE0 | (c >> 12));
      buffer[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      buffer[size++] = (byte) (0x80 | (c & 0x3F));
    }
  }

  // An unpaired surrogate is encoded as '?', as String.getBytes(UTF_8) does; the model rejects
  // such text on input, so this only keeps hashing total.
  private void replacement() {
    buffer[size++] = '?';
  }

  @Override
  public void flush() {
    digest.update(buffer, 0, size);
    size = 0;
  }

  @Override
  public void close() {
    if (pendingHigh != 0) {
      pendingHigh = 0;
      replacement();
    }
    flush();
  }
}
