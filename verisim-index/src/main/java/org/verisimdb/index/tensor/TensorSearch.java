package org.verisimdb.index.tensor;

import org.apache.lucene.document.IntField;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DType;

/**
 * Filter queries on the tensor fields: VQL's {@code TENSOR SHAPE}, {@code RANK}, {@code dtype} and
 * {@code size} comparisons (§6.5), and per-axis length. Octads without a tensor never match,
 * not even a {@code !=} comparison (their fields are NULL, so the comparison is UNKNOWN).
 *
 * <p>Thread-safe: static methods building immutable queries.
 */
public final class TensorSearch {
  /** A comparison operator of VQL §6.1. */
  public enum Comparison { EQ, NE, LT, LE, GT, GE }

  private TensorSearch() {}

  /** Octads with a tensor. */
  public static Query present() {
    return new FieldExistsQuery(TensorFields.RANK);
  }

  /** Octads whose tensor has exactly this shape ({@code TENSOR.shape = [3, 224, 224]}). */
  public static Query shapeEquals(int[] shape) {
    if (shape == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "shape", "give a shape to compare with, e.g. [3, 224, 224]");
    }
    for (int d : shape) {
      if (d < 0) {
        return new MatchNoDocsQuery("a shape with a negative dimension");
      }
    }
    return new TermQuery(new Term(TensorFields.SHAPE, TensorFields.shapeKey(shape)));
  }

  /** Octads whose tensor's rank compares with {@code n}. */
  public static Query rank(Comparison op, int n) {
    long[] r = range(op, n, Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (r == null) {
      return op == Comparison.NE ? present() : new MatchNoDocsQuery("rank " + op + " " + n);
    }
    return notEqual(op, IntField.newRangeQuery(TensorFields.RANK, (int) r[0], (int) r[1]));
  }

  /** Octads whose tensor's element count compares with {@code n}. */
  public static Query size(Comparison op, long n) {
    long[] r = range(op, n, Long.MIN_VALUE, Long.MAX_VALUE);
    if (r == null) {
      return op == Comparison.NE ? present() : new MatchNoDocsQuery("size " + op + " " + n);
    }
    return notEqual(op, LongField.newRangeQuery(TensorFields.SIZE, r[0], r[1]));
  }

  /** Octads whose tensor has between {@code min} and {@code max} elements, inclusive. */
  public static Query sizeBetween(long min, long max) {
    if (min > max) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "size", "the size range " + min + ".." + max + " is empty; swap the bounds");
    }
    return LongField.newRangeQuery(TensorFields.SIZE, min, max);
  }

  /** Octads whose tensor has this dtype. */
  public static Query dtype(DType dtype) {
    if (dtype == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "dtype", "give a dtype: float32, float64, int32, int64 or bool");
    }
    return new TermQuery(new Term(TensorFields.DTYPE, dtype.wireName()));
  }

  /** Octads whose tensor has an axis {@code axis} (0 is the first) whose length compares with {@code n}. */
  public static Query dimension(int axis, Comparison op, int n) {
    if (axis < 0) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "axis", "axis " + axis + " is negative; axes count from 0");
    }
    Query hasAxis = IntPoint.newRangeQuery(TensorFields.DIM, new int[] {axis, 0}, new int[] {axis, Integer.MAX_VALUE});
    long[] r = range(op, n, Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (r == null) {
      return op == Comparison.NE ? hasAxis : new MatchNoDocsQuery("dimension " + axis + " " + op + " " + n);
    }
    Query in = IntPoint.newRangeQuery(TensorFields.DIM, new int[] {axis, (int) r[0]}, new int[] {axis, (int) r[1]});
    if (op != Comparison.NE) {
      return in;
    }
    return new BooleanQuery.Builder().add(hasAxis, BooleanClause.Occur.FILTER).add(in, BooleanClause.Occur.MUST_NOT).build();
  }

  /** The inclusive range {@code op n} selects within [lo, hi] (for NE: the value to exclude), or null when there is none. */
  private static long[] range(Comparison op, long n, long lo, long hi) {
    if (op == null) {
      throw VeriSimException.invalid(ErrorCode.INVALID_SEARCH, "op", "a comparison operator is required");
    }
    return switch (op) {
      case EQ, NE -> n < lo || n > hi ? null : new long[] {n, n};
      case LT -> n <= lo ? null : new long[] {lo, Math.min(n - 1, hi)};
      case LE -> n < lo ? null : new long[] {lo, Math.min(n, hi)};
      case GT -> n >= hi ? null : new long[] {Math.max(n + 1, lo), hi};
      case GE -> n > hi ? null : new long[] {Math.max(n, lo), hi};
    };
  }

  /** For NE, everything with the field except the range; otherwise the range itself. */
  private static Query notEqual(Comparison op, Query range) {
    if (op != Comparison.NE) {
      return range;
    }
    return new BooleanQuery.Builder().add(present(), BooleanClause.Occur.FILTER).add(range, BooleanClause.Occur.MUST_NOT).build();
  }
}
