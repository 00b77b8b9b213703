package org.verisimdb.storage.rocksdb;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.verisimdb.storage.Keys;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.WriteBatch;

/** The reference a backend is checked against: one TreeMap per keyspace. Stateless helpers. */
final class Model {
  private Model() {}

  /** Applies a batch to the model, in order, as a backend must. */
  static void apply(Map<Keyspace, TreeMap<byte[], byte[]>> model, WriteBatch batch) {
    for (WriteBatch.Op op : batch.ops()) {
      TreeMap<byte[], byte[]> space = model.computeIfAbsent(op.space(), s -> new TreeMap<>(Keys.ORDER));
      switch (op) {
        case WriteBatch.Op.Put put -> space.put(put.key(), put.value());
        case WriteBatch.Op.Delete delete -> space.remove(delete.key());
      }
    }
  }

  /** A deep enough copy: keys and values are never mutated, so sharing the arrays is safe. */
  static Map<Keyspace, TreeMap<byte[], byte[]>> copy(Map<Keyspace, TreeMap<byte[], byte[]>> model) {
    Map<Keyspace, TreeMap<byte[], byte[]>> copy = new HashMap<>();
    model.forEach((space, map) -> copy.put(space, new TreeMap<>(map)));
    return copy;
  }
}
