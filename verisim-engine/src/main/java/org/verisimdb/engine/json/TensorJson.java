package org.verisimdb.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.model.Limits;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.DType;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.facet.TensorStatistics;
import org.verisimdb.model.hash.CanonicalJson;

/**
 * The JSON form of the TENSOR modality: shape, dtype, the elements in row-major order (bool as
 * true/false, int64 exactly), and the statistics VQL §4.3 defines over them. The elements are
 * streamed on write, never boxed. Stateless and thread-safe.
 */
final class TensorJson {
  static final Members.Shape TENSOR = Members.Shape.of("tensor", List.of("shape", "dtype", "data"), Map.of(
      "rank", Members.Kind.INTEGER, "size", Members.Kind.INTEGER,
      "mean", Members.Kind.NUMBER_OR_NULL, "std", Members.Kind.NUMBER_OR_NULL,
      "min", Members.Kind.NUMBER_OR_NULL, "max", Members.Kind.NUMBER_OR_NULL));

  private TensorJson() {}

  static Map<String, Object> tensor(TensorFacet tensor) {
    List<Object> shape = new ArrayList<>(tensor.rank());
    for (int i = 0; i < tensor.rank(); i++) {
      shape.add(tensor.dimension(i));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("shape", shape);
    json.put("dtype", tensor.dtype().wireName());
    json.put("data", (CanonicalJson.Streamable) out -> writeData(tensor, out));
    json.put("rank", tensor.rank());
    json.put("size", tensor.size());
    TensorStatistics stats = TensorStatistics.of(tensor);
    json.put("mean", stats == null ? null : stats.mean());
    json.put("std", stats == null ? null : stats.std());
    json.put("min", stats == null ? null : stats.min());
    json.put("max", stats == null ? null : stats.max());
    return json;
  }

  private static void writeData(TensorFacet tensor, Writer out) throws IOException {
    out.write('[');
    for (int i = 0; i < tensor.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(switch (tensor.dtype()) {
        case BOOL -> tensor.longAt(i) == 1 ? "true" : "false";
        case INT32, INT64 -> Long.toString(tensor.longAt(i));
        case FLOAT32, FLOAT64 -> CanonicalJson.number(tensor.doubleAt(i));
      });
    }
    out.write(']');
  }

  static TensorFacet readTensor(JsonNode node) {
    Members tensor = Members.read(node, "tensor", TENSOR);
    JsonNode shapeArray = tensor.array("shape");
    Limits.requireCount(shapeArray.size(), Limits.MAX_TENSOR_RANK, tensor.path("shape"), "tensor dimensions");
    int[] shape = new int[shapeArray.size()];
    for (int i = 0; i < shape.length; i++) {
      String path = Nodes.element(tensor.path("shape"), i);
      long dimension = Nodes.integer(shapeArray.get(i), path);
      if (dimension > Limits.MAX_TENSOR_ELEMENTS) {
        throw VeriSimException.invalid(ErrorCode.LIMIT_EXCEEDED, path,
            "dimension " + i + " is " + dimension + "; a tensor holds at most " + Limits.MAX_TENSOR_ELEMENTS + " elements");
      }
      shape[i] = (int) Math.max(dimension, Integer.MIN_VALUE); // the model rejects negative dimensions at this path
    }
    TensorFacet.elementCount(shape);
    DType dtype = DType.parse(tensor.string("dtype"));
    JsonNode data = tensor.array("data");
    Limits.requireCount(data.size(), Limits.MAX_TENSOR_ELEMENTS, tensor.path("data"), "tensor elements");
    ByteBuffer bytes = ByteBuffer.allocate(data.size() * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < data.size(); i++) {
      put(dtype, data.get(i), Nodes.element(tensor.path("data"), i), bytes);
    }
    return new TensorFacet(dtype, shape, bytes.array());
  }

  private static void put(DType dtype, JsonNode element, String path, ByteBuffer bytes) {
    switch (dtype) {
      case FLOAT32 -> {
        double d = Nodes.number(element, path);
        float f = (float) d;
        if (!Float.isFinite(f)) {
          throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, path, "element " + d + " is outside the range of a 32-bit float");
        }
        bytes.putFloat(f);
      }
      case FLOAT64 -> bytes.putDouble(Nodes.number(element, path));
      case INT32 -> {
        long l = Nodes.integer(element, path);
        if (l != (int) l) {
          throw VeriSimException.invalid(ErrorCode.INVALID_TENSOR, path, "element " + l + " is outside the int32 range");
        }
        bytes.putInt((int) l);
      }
      case INT64 -> bytes.putLong(Nodes.integer(element, path));
      case BOOL -> bytes.put((byte) (Nodes.bool(element, path) ? 1 : 0));
    }
  }
}
