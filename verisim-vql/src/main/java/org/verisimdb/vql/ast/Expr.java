package org.verisimdb.vql.ast;

import java.util.List;
import java.util.Locale;
import org.verisimdb.vql.diag.Span;

/** A value-producing expression: a column, an aggregate, a DRIFT, a literal or a parameter. */
public sealed interface Expr {
  Span span();

  /** {@code MODALITY.a.b}: a field of the candidate's modality; synonyms are already canonical. */
  record Field(Span span, Modality modality, List<String> path) implements Expr {
    public Field {
      path = List.copyOf(path);
      if (path.isEmpty()) {
        throw new IllegalArgumentException("empty field path");
      }
    }

    /** The field name: the path joined by dots. */
    public String name() {
      return String.join(".", path);
    }
  }

  /** {@code v.a.b} where {@code v} is (meant to be) a graph variable. */
  record VarRef(Span span, String variable, List<String> path) implements Expr {
    public VarRef {
      path = List.copyOf(path);
    }
  }

  record Pseudo(Span span, PseudoColumn column) implements Expr {}

  /** A lone identifier that is no pseudo-column: a select-list alias, resolved by the checker. */
  record AliasRef(Span span, String name) implements Expr {}

  /** An aggregate call; {@code argument} is null for {@code COUNT(*)}. */
  record Aggregate(Span span, AggregateFn function, Expr argument) implements Expr {}

  record Drift(Span span, Modality first, Modality second) implements Expr {}

  /** A literal or a parameter: whatever may stand where the grammar says literal or param. */
  sealed interface Term extends Expr permits Lit, Positional, Named {}

  record Lit(Span span, Value value) implements Term {}

  /** {@code $n}, n from 1. */
  record Positional(Span span, int index) implements Term {}

  /** {@code :name}. */
  record Named(Span span, String name) implements Term {}

  enum PseudoColumn {
    ID,
    DRIFT_SCORE,
    SIMILARITY,
    DISTANCE_KM,
    SCORE;

    public String text() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The pseudo-column spelled {@code word} in any case, or null. */
    public static PseudoColumn byName(String word) {
      for (PseudoColumn c : values()) {
        if (c.name().equalsIgnoreCase(word)) {
          return c;
        }
      }
      return null;
    }
  }

  enum AggregateFn {
    COUNT,
    SUM,
    AVG,
    MIN,
    MAX
  }
}
