package org.verisimdb.engine.backup;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.storage.Cursor;
import org.verisimdb.storage.Keyspace;
import org.verisimdb.storage.ReadView;

/**
 * The number of keys in a keyspace and the SHA-256 over all its entries in key order (each as
 * int32 key length, key, int32 value length, value): equal digests mean equal contents.
 */
public record KeyspaceDigest(long keys, String sha256) {
  public static KeyspaceDigest of(ReadView view, Keyspace space) {
    MessageDigest digest = Sha256.digest();
    long keys = 0;
    try (Cursor cursor = view.scan(space, null, null)) {
      while (cursor.next()) {
        byte[] key = cursor.key();
        byte[] value = cursor.value();
        digest.update(ByteBuffer.allocate(4).putInt(key.length).array());
        digest.update(key);
        digest.update(ByteBuffer.allocate(4).putInt(value.length).array());
        digest.update(value);
        keys++;
      }
    }
    return new KeyspaceDigest(keys, HexFormat.of().formatHex(digest.digest()));
  }
}
