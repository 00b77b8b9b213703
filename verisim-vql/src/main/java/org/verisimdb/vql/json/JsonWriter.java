package org.verisimdb.vql.json;

/**
 * A minimal streaming JSON writer: compact output, members in the order they are written,
 * strings escaped as RFC 8259 requires. The caller is responsible for well-formed nesting.
 * Not thread-safe.
 */
public final class JsonWriter {
  private final StringBuilder out;
  private boolean needComma;

  public JsonWriter() {
    this(new StringBuilder());
  }

  public JsonWriter(StringBuilder out) {
    this.out = out;
  }

  public JsonWriter beginObject() {
    comma();
    out.append('{');
    needComma = false;
    return this;
  }

  public JsonWriter endObject() {
    out.append('}');
    needComma = true;
    return this;
  }

  public JsonWriter beginArray() {
    comma();
    out.append('[');
    needComma = false;
    return this;
  }

  public JsonWriter endArray() {
    out.append(']');
    needComma = true;
    return this;
  }

  /** A member name; the value must follow. */
  public JsonWriter name(String name) {
    comma();
    string(out, name);
    out.append(':');
    needComma = false;
    return this;
  }

  public JsonWriter value(String s) {
    comma();
    if (s == null) {
      out.append("null");
    } else {
      string(out, s);
    }
    needComma = true;
    return this;
  }

  public JsonWriter value(long n) {
    comma();
    out.append(n);
    needComma = true;
    return this;
  }

  /** A finite double as Java prints it; JSON has no NaN or infinities, so those are written as null. */
  public JsonWriter value(double d) {
    comma();
    out.append(Double.isFinite(d) ? Double.toString(d) : "null");
    needComma = true;
    return this;
  }

  public JsonWriter value(boolean b) {
    comma();
    out.append(b);
    needComma = true;
    return this;
  }

  public JsonWriter nullValue() {
    comma();
    out.append("null");
    needComma = true;
    return this;
  }

  private void comma() {
    if (needComma) {
      out.append(',');
    }
  }

  @Override
  public String toString() {
    return out.toString();
  }

  static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
