package org.verisimdb.model.facet;

import java.util.Locale;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/** Element types of a tensor, with their VQL names, short aliases, sizes and stored tags. */
public enum DType {
  FLOAT32("float32", "f32", 4, 1),
  FLOAT64("float64", "f64", 8, 2),
  INT32("int32", "i32", 4, 3),
  INT64("int64", "i64", 8, 4),
  BOOL("bool", "bool", 1, 5);

  private final String wireName;
  private final String alias;
  private final int bytes;
  private final int tag;

  DType(String wireName, String alias, int bytes, int tag) {
    this.wireName = wireName;
    this.alias = alias;
    this.bytes = bytes;
    this.tag = tag;
  }

  /** The name VQL's {@code TENSOR.dtype} returns ({@code "float32"}). */
  public String wireName() {
    return wireName;
  }

  /** Bytes per element in the stored form. */
  public int bytes() {
    return bytes;
  }

  /** The stable number of this type in stored formats. */
  public int tag() {
    return tag;
  }

  public boolean isFloating() {
    return this == FLOAT32 || this == FLOAT64;
  }

  /** Parses {@code float32}/{@code f32}, {@code float64}/{@code f64}, … case-insensitively. */
  public static DType parse(String name) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    for (DType t : values()) {
      if (t.wireName.equals(lower) || t.alias.equals(lower)) {
        return t;
      }
    }
    throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, "tensor.dtype",
        "unknown dtype '" + name + "'; use float32, float64, int32, int64 or bool (or f32, f64, i32, i64)");
  }

  public static DType ofTag(int tag) {
    for (DType t : values()) {
      if (t.tag == tag) {
        return t;
      }
    }
    throw new VeriSimException(ErrorCode.STORAGE_CORRUPT, "unknown dtype tag " + tag + " in stored data");
  }
}
