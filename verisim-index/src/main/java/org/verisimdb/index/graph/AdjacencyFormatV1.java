package org.verisimdb.index.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.Edge.EdgeTarget;
import org.verisimdb.model.value.Value;

/**
 * The outgoing edges of one octad as the binary doc value {@link GraphFields#OUT}, format 1.
 * Integers use Lucene's {@code DataOutput} encodings: vint (7 bits per byte, low bits first, high
 * bit set on all but the last byte), zlong (zig-zag then vlong), int64 little-endian, strings as
 * vint UTF-8 byte length then the bytes.
 * <pre>
 * value   0 uint8 version = 1 | 1 vint n = number of edges | n × edge, in {@link Edge} order
 * edge    uint8 kind | string predicate | target
 * kind 0  node:            string target octad id
 * kind 1  string literal:  string value
 * kind 2  integer literal: zlong value
 * kind 3  float literal:   int64 IEEE 754 bits
 * kind 4  boolean literal: uint8 0 or 1
 * kind 5  language-tagged: string value | string language tag
 * kind 6  typed literal:   string lexical form | string datatype IRI
 * </pre>
 * Kinds 1 to 6 are the literal's {@link Value#tag()}. A reader meeting another version or kind
 * reports STORAGE_CORRUPT: the index must be rebuilt. Stateless and thread-safe.
 */
final class AdjacencyFormatV1 {
  static final byte VERSION = 1;
  static final int NODE = 0;

  private AdjacencyFormatV1() {}

  static BytesRef encode(List<Edge> edges) {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try {
      write(out, edges);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return new BytesRef(out.toArrayCopy());
  }

  private static void write(ByteBuffersDataOutput out, List<Edge> edges) throws IOException {
    out.writeByte(VERSION);
    out.writeVInt(edges.size());
    for (Edge edge : edges) {
      switch (edge.target()) {
        case EdgeTarget.Node(OctadId id) -> {
          out.writeByte((byte) NODE);
          out.writeString(edge.predicate());
          out.writeString(id.value());
        }
        case EdgeTarget.Literal(Value value) -> {
          out.writeByte((byte) value.tag());
          out.writeString(edge.predicate());
          writeLiteral(out, value);
        }
      }
    }
  }

  private static void writeLiteral(ByteBuffersDataOutput out, Value value) throws IOException {
    switch (value) {
      case Value.Str(String s) -> out.writeString(s);
      case Value.Int(long l) -> out.writeZLong(l);
      case Value.Real(double d) -> out.writeLong(Double.doubleToLongBits(d));
      case Value.Bool(boolean b) -> out.writeByte((byte) (b ? 1 : 0));
      case Value.LangStr(String text, String language) -> {
        out.writeString(text);
        out.writeString(language);
      }
      case Value.Typed(String lexical, String datatype) -> {
        out.writeString(lexical);
        out.writeString(datatype);
      }
      case Value.Ref r -> throw new IllegalArgumentException("an edge literal cannot be a reference: " + r);
      case Value.Seq s -> throw new IllegalArgumentException("an edge literal cannot be a collection: " + s);
    }
  }

  /** Decodes a value written by {@link #encode}. */
  static List<Edge> decode(BytesRef bytes) {
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    try {
      byte version = in.readByte();
      if (version != VERSION) {
        throw corrupt("version " + version);
      }
      int n = in.readVInt();
      List<Edge> edges = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int kind = in.readByte() & 0xff;
        String predicate = in.readString();
        edges.add(switch (kind) {
          case NODE -> Edge.to(predicate, OctadId.of(in.readString()));
          case 1 -> Edge.literal(predicate, new Value.Str(in.readString()));
          case 2 -> Edge.literal(predicate, new Value.Int(in.readZLong()));
          case 3 -> Edge.literal(predicate, new Value.Real(Double.longBitsToDouble(in.readLong())));
          case 4 -> Edge.literal(predicate, Value.of(in.readByte() != 0));
          case 5 -> Edge.literal(predicate, new Value.LangStr(in.readString(), in.readString()));
          case 6 -> Edge.literal(predicate, new Value.Typed(in.readString(), in.readString()));
          default -> throw corrupt("edge kind " + kind);
        });
      }
      return edges;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      if (e instanceof VeriSimException v && v.code() == ErrorCode.STORAGE_CORRUPT) {
        throw v;
      }
      throw corrupt(e.toString());
    }
  }

  private static VeriSimException corrupt(String what) {
    return new VeriSimException(ErrorCode.STORAGE_CORRUPT,
        "the graph index holds an adjacency value it cannot read (" + what + "); rebuild the index");
  }
}
