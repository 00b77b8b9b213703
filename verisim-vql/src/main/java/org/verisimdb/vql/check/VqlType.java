package org.verisimdb.vql.check;

/**
 * A static type (VQL.md §4.2): a kind, and for arrays the kind of their elements and whether
 * comparisons on them are existential ("multi", §4.3). ANY is known only per value.
 */
public record VqlType(Kind kind, Kind element, boolean multi) {
  public static final VqlType STRING = of(Kind.STRING);
  public static final VqlType INTEGER = of(Kind.INTEGER);
  public static final VqlType FLOAT = of(Kind.FLOAT);
  public static final VqlType BOOLEAN = of(Kind.BOOLEAN);
  public static final VqlType TIMESTAMP = of(Kind.TIMESTAMP);
  public static final VqlType OBJECT = of(Kind.OBJECT);
  public static final VqlType ANY = of(Kind.ANY);
  public static final VqlType NULL = of(Kind.NULL);
  public static final VqlType ARRAY = new VqlType(Kind.ARRAY, Kind.ANY, false);

  public enum Kind {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    TIMESTAMP,
    ARRAY,
    OBJECT,
    ANY,
    NULL
  }

  public static VqlType of(Kind kind) {
    return new VqlType(kind, null, false);
  }

  public static VqlType arrayOf(Kind element, boolean multi) {
    return new VqlType(Kind.ARRAY, element, multi);
  }

  public boolean isNumeric() {
    return kind == Kind.INTEGER || kind == Kind.FLOAT;
  }

  public boolean isArray() {
    return kind == Kind.ARRAY;
  }

  /** True when the type says nothing statically (any, null, or an unbound parameter). */
  public boolean isOpen() {
    return kind == Kind.ANY || kind == Kind.NULL;
  }

  @Override
  public String toString() {
    String name = kind.name().toLowerCase(java.util.Locale.ROOT);
    return element == null ? name : "array of " + element.name().toLowerCase(java.util.Locale.ROOT);
  }
}
