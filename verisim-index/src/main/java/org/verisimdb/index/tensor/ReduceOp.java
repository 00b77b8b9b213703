package org.verisimdb.index.tensor;

/**
 * A reduction over a tensor's elements, along one axis or all of them.
 *
 * <p>Result dtypes: SUM and PROD of int32, int64 or bool give int64, computed exactly (overflow is
 * INVALID_TENSOR); of float32 or float64 the same dtype, accumulated in float64 in row-major order
 * and rounded once at the end. MEAN always gives float64 (integers summed exactly first). MIN and
 * MAX keep the dtype (for bool, MIN is "all" and MAX is "any"; for floats, -0.0 is below 0.0).
 * The SUM of no elements is 0 and the PROD is 1; MEAN, MIN and MAX of no elements are INVALID_TENSOR.
 */
public enum ReduceOp {
  SUM, MEAN, MIN, MAX, PROD
}
