package org.verisimdb.model.facet;

import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/**
 * A well-formedness check for CBOR (RFC 8949 §C) proof blobs: exactly one complete data item,
 * valid heads, definite and indefinite lengths that fit the input, break codes only inside
 * indefinite-length items, nesting at most 64 deep. It does not decode values or check
 * semantic tags; that is the verifier's job.
 */
final class Cbor {
  private static final int MAX_DEPTH = 64;
  private static final int BREAK = -1;

  private final byte[] bytes;
  private int pos;

  private Cbor(byte[] bytes) {
    this.bytes = bytes;
  }

  static void requireWellFormed(byte[] bytes, String field) {
    Cbor reader = new Cbor(bytes);
    try {
      if (bytes.length == 0) {
        throw new IllegalArgumentException("it is empty");
      }
      if (reader.item(0) == BREAK) {
        throw new IllegalArgumentException("a break code stands outside an indefinite-length item");
      }
      if (reader.pos != bytes.length) {
        throw new IllegalArgumentException((bytes.length - reader.pos) + " bytes follow the first data item");
      }
    } catch (IllegalArgumentException e) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEMANTIC, field,
          "proof data is not well-formed CBOR at byte " + reader.pos + ": " + e.getMessage());
    }
  }

  /** Reads one item; returns its major type, or BREAK for a break code. */
  private int item(int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("items nest more than " + MAX_DEPTH + " deep");
    }
    int initial = next();
    int major = initial >>> 5;
    int info = initial & 0x1f;
    if (initial == 0xff) {
      return BREAK;
    }
    if (info == 31) {
      switch (major) {
        case 2, 3 -> {
          while (true) { // indefinite string: definite chunks of the same major type, then break
            int chunkStart = pos;
            int chunk = item(depth + 1);
            if (chunk == BREAK) {
              return major;
            }
            if (chunk != major || (bytes[chunkStart] & 0x1f) == 31) {
              throw new IllegalArgumentException("an indefinite string holds a chunk of another kind");
            }
          }
        }
        case 4, 5 -> {
          long count = 0;
          while (item(depth + 1) != BREAK) {
            count++;
          }
          if (major == 5 && count % 2 != 0) {
            throw new IllegalArgumentException("an indefinite map has a key without a value");
          }
          return major;
        }
        default -> throw new IllegalArgumentException("major type " + major + " cannot have an indefinite length");
      }
    }
    long argument = argument(info, major);
    switch (major) {
      case 0, 1 -> { }
      case 2, 3 -> skip(argument);
      case 4 -> {
        for (long i = 0; i < argument; i++) {
          requireItem(depth);
        }
      }
      case 5 -> {
        for (long i = 0; i < 2 * argument; i++) {
          requireItem(depth);
        }
      }
      case 6 -> requireItem(depth);
      case 7 -> {
        if (info == 24 && argument < 32) {
          throw new IllegalArgumentException("simple value " + argument + " must use the one-byte form");
        }
      }
      default -> throw new IllegalStateException("a major type has three bits");
    }
    return major;
  }

  private void requireItem(int depth) {
    if (item(depth + 1) == BREAK) {
      throw new IllegalArgumentException("a break code stands inside a definite-length item");
    }
  }

  private long argument(int info, int major) {
    if (info < 24) {
      return info;
    }
    int size = switch (info) {
      case 24 -> 1;
      case 25 -> 2;
      case 26 -> 4;
      case 27 -> 8;
      default -> throw new IllegalArgumentException("reserved additional information " + info);
    };
    long value = 0;
    for (int i = 0; i < size; i++) {
      value = (value << 8) | next();
    }
    // A length or count beyond the input can never be satisfied: each byte or item takes a byte.
    if (major >= 2 && major <= 5 && (value < 0 || value > bytes.length)) {
      throw new IllegalArgumentException("length " + Long.toUnsignedString(value) + " exceeds the input");
    }
    return value;
  }

  private void skip(long length) {
    if (length > bytes.length - pos) {
      throw new IllegalArgumentException("a string of " + length + " bytes runs past the end");
    }
    pos += (int) length;
  }

  private int next() {
    if (pos >= bytes.length) {
      throw new IllegalArgumentException("the input ends inside a data item");
    }
    return bytes[pos++] & 0xff;
  }
}
