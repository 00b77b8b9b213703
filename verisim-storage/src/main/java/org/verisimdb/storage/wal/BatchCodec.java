package org.verisimdb.storage.wal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.WriteBatch;

/**
 * Payload of a batch record (type 1): one committed transaction's writes, in order. varint is
 * unsigned LEB128.
 * <pre>
 * int64  commit time, microseconds since 1970-01-01T00:00:00Z
 * varint k; k × (varint length, UTF-8 keyspace name)      keyspaces used, referred to by index
 * varint m; m × operation:
 *        u8 kind (1 put | 2 delete), varint keyspace index, varint key length, key,
 *        and for a put: varint value length, value
 * </pre>
 */
public final class BatchCodec {
  private static final int PUT = 1;
  private static final int DELETE = 2;

  private BatchCodec() {}

  /** A decoded batch record: the operations (as a batch carrying the record's LSN) and the commit time. */
  public record Decoded(WriteBatch batch, long commitMicros) {}

  public static byte[] encode(WriteBatch batch, long commitMicros) {
    Map<Keyspace, Integer> index = new HashMap<>();
    List<byte[]> names = new ArrayList<>();
    long size = 8 + 5;
    for (WriteBatch.Op op : batch.ops()) {
      if (index.putIfAbsent(op.space(), names.size()) == null) {
        byte[] name = op.space().name().getBytes(StandardCharsets.UTF_8);
        names.add(name);
        size += 5 + name.length;
      }
      size += 1 + 5 + 5 + op.key().length + (op instanceof WriteBatch.Op.Put p ? 5 + p.value().length : 0);
    }
    if (size > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("a batch of " + size + " bytes does not fit one log record");
    }
    ByteBuffer out = ByteBuffer.allocate((int) size + 5);
    out.putLong(commitMicros);
    varint(out, names.size());
    for (byte[] name : names) {
      varint(out, name.length);
      out.put(name);
    }
    varint(out, batch.ops().size());
    for (WriteBatch.Op op : batch.ops()) {
      out.put((byte) (op instanceof WriteBatch.Op.Put ? PUT : DELETE));
      varint(out, index.get(op.space()));
      varint(out, op.key().length);
      out.put(op.key());
      if (op instanceof WriteBatch.Op.Put put) {
        varint(out, put.value().length);
        out.put(put.value());
      }
    }
    return java.util.Arrays.copyOf(out.array(), out.position());
  }

  /** Decodes a payload; malformed input is an IllegalArgumentException the caller reports with its location. */
  public static Decoded decode(long lsn, byte[] payload) {
    try {
      ByteBuffer in = ByteBuffer.wrap(payload);
      long commitMicros = in.getLong();
      int k = count(in, 1 << 16);
      Keyspace[] spaces = new Keyspace[k];
      for (int i = 0; i < k; i++) {
        byte[] name = new byte[count(in, 64)];
        in.get(name);
        spaces[i] = Keyspace.of(new String(name, StandardCharsets.UTF_8));
      }
      int m = count(in, payload.length);
      WriteBatch batch = new WriteBatch(lsn);
      for (int i = 0; i < m; i++) {
        int kind = in.get();
        int space = count(in, k - 1);
        byte[] key = new byte[count(in, WriteBatch.MAX_KEY_BYTES)];
        in.get(key);
        switch (kind) {
          case PUT -> {
            byte[] value = new byte[count(in, in.remaining())];
            in.get(value);
            batch.add(new WriteBatch.Op.Put(spaces[space], key, value));
          }
          case DELETE -> batch.add(new WriteBatch.Op.Delete(spaces[space], key));
          default -> throw new IllegalArgumentException("unknown operation kind " + kind);
        }
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(in.remaining() + " unread bytes");
      }
      return new Decoded(batch, commitMicros);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("the payload ends early");
    }
  }

  /** The commit time of a batch payload, without decoding the operations. */
  public static long commitMicros(byte[] payload) {
    return ByteBuffer.wrap(payload).getLong();
  }

  private static void varint(ByteBuffer out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.put((byte) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.put((byte) value);
  }

  private static int count(ByteBuffer in, int max) {
    long value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.get() & 0xff;
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (value > max) {
          throw new IllegalArgumentException("count " + value + " exceeds " + max);
        }
        return (int) value;
      }
    }
    throw new IllegalArgumentException("varint too long");
  }
}
