package org.verisimdb.index.tensor;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StringField;
import org.verisimdb.model.facet.TensorFacet;

/**
 * The fields of the octad document that hold its tensor modality: rank, size, dtype and shape,
 * never the elements. Thread-safe: stateless.
 */
public final class TensorFields {
  /** Point and doc value: the number of dimensions. */
  public static final String RANK = "tensor.rank";
  /** Point and doc value: the number of elements. */
  public static final String SIZE = "tensor.size";
  /** Keyword: the dtype's VQL name ({@code float32}, …). */
  public static final String DTYPE = "tensor.dtype";
  /** Keyword: the shape as {@link #shapeKey} writes it, for whole-shape equality. */
  public static final String SHAPE = "tensor.shape";
  /** Two-dimensional point (axis, length) per axis, for per-axis predicates. */
  public static final String DIM = "tensor.dim";

  private TensorFields() {}

  public static void add(Document doc, TensorFacet facet) {
    int[] shape = facet.shape();
    doc.add(new IntField(RANK, shape.length, Field.Store.NO));
    doc.add(new LongField(SIZE, facet.size(), Field.Store.NO));
    doc.add(new StringField(DTYPE, facet.dtype().wireName(), Field.Store.NO));
    doc.add(new StringField(SHAPE, shapeKey(shape), Field.Store.NO));
    for (int axis = 0; axis < shape.length; axis++) {
      doc.add(new IntPoint(DIM, axis, shape[axis]));
    }
  }

  /** Dimensions joined by {@code x} ({@code 3x224x224}); {@code scalar} for rank 0. */
  public static String shapeKey(int[] shape) {
    if (shape.length == 0) {
      return "scalar";
    }
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < shape.length; i++) {
      key.append(i == 0 ? "" : "x").append(shape[i]);
    }
    return key.toString();
  }
}
