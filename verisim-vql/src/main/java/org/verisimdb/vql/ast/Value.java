package org.verisimdb.vql.ast;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** A literal value (VQL.md §2.5, §4.2). Values carry no span; the literal that holds one does. */
public sealed interface Value {
  Value NULL = new Null();
  Value TRUE = new Bool(true);
  Value FALSE = new Bool(false);

  /** The value type name used in messages and JSON. */
  String typeName();

  record Str(String value) implements Value {
    public Str {
      if (value == null) {
        throw new IllegalArgumentException("null string value");
      }
    }

    @Override
    public String typeName() {
      return "string";
    }
  }

  record Int(long value) implements Value {
    @Override
    public String typeName() {
      return "integer";
    }
  }

  record Flt(double value) implements Value {
    public Flt {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("non-finite float " + value);
      }
    }

    @Override
    public String typeName() {
      return "float";
    }
  }

  record Bool(boolean value) implements Value {
    @Override
    public String typeName() {
      return "boolean";
    }
  }

  record Null() implements Value {
    @Override
    public String typeName() {
      return "null";
    }
  }

  /** A UTC instant with microsecond precision. */
  record Time(long epochSecond, int micros) implements Value {
    public Time {
      if (micros < 0 || micros >= 1_000_000) {
        throw new IllegalArgumentException("micros out of range: " + micros);
      }
    }

    @Override
    public String typeName() {
      return "timestamp";
    }

    public Instant instant() {
      return Instant.ofEpochSecond(epochSecond, micros * 1000L);
    }

    /** {@code YYYY-MM-DDThh:mm:ss[.ffffff]Z}, trailing zeros of the fraction removed (§7.6). */
    public String canonical() {
      LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
      StringBuilder s = new StringBuilder(27);
      pad(s, t.getYear(), 4).append('-');
      pad(s, t.getMonthValue(), 2).append('-');
      pad(s, t.getDayOfMonth(), 2).append('T');
      pad(s, t.getHour(), 2).append(':');
      pad(s, t.getMinute(), 2).append(':');
      pad(s, t.getSecond(), 2);
      if (micros != 0) {
        String fraction = String.valueOf(1_000_000 + micros).substring(1);
        int end = fraction.length();
        while (fraction.charAt(end - 1) == '0') {
          end--;
        }
        s.append('.').append(fraction, 0, end);
      }
      return s.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder s, int value, int width) {
      String text = String.valueOf(value);
      for (int i = text.length(); i < width; i++) {
        s.append('0');
      }
      return s.append(text);
    }
  }

  /** A UUID in canonical lower-case form. A UUID is a string value that was written bare. */
  record Uuid(String value) implements Value {
    @Override
    public String typeName() {
      return "string";
    }
  }

  /**
   * An object with string keys in insertion order: a value computed at run time (a modality, an
   * edge, a record, a result row), never written as a literal.
   */
  record Obj(java.util.Map<String, Value> members) implements Value {
    public Obj {
      members = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(members));
    }

    @Override
    public String typeName() {
      return "object";
    }

    /** The member {@code name}, or {@link Value#NULL} when there is none. */
    public Value get(String name) {
      Value v = members.get(name);
      return v == null ? NULL : v;
    }
  }

  record Arr(List<Value> elements) implements Value {
    public Arr {
      elements = List.copyOf(elements);
    }

    @Override
    public String typeName() {
      return "array";
    }
  }
}
