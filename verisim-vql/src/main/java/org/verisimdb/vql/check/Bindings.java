package org.verisimdb.vql.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parameter values bound beside a statement (VQL.md §5.17): a positional list or a named map of
 * JSON-like values (String, Long, Integer, Double, Boolean, null, List). {@link #NONE} means
 * "not bound yet": the checker then checks the statement without values.
 */
public record Bindings(List<Object> positional, Map<String, Object> named) {
  public static final Bindings NONE = new Bindings(null, null);

  public Bindings {
    // List.copyOf rejects nulls, and null is a valid JSON value.
    positional = positional == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(positional));
    named = named == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(named));
  }

  public static Bindings positional(List<?> values) {
    return new Bindings(new ArrayList<>(values), null);
  }

  public static Bindings named(Map<String, ?> values) {
    return new Bindings(null, new java.util.LinkedHashMap<>(values));
  }

  public boolean bound() {
    return positional != null || named != null;
  }
}
