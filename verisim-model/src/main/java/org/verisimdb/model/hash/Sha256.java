package org.verisimdb.model.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/** SHA-256 as lower-case hexadecimal, the form of every hash in the data model. */
public final class Sha256 {
  /** SHA-256 of the empty string: the parent of every chain's first record (the genesis). */
  public static final String GENESIS = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static final MessageDigest PROTOTYPE = newDigest();

  private Sha256() {}

  /** SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** {@code H(x)} of VQL §7.6: the hex SHA-256 of the canonical JSON of {@code value}. */
  public static String ofCanonicalJson(Object value) {
    MessageDigest digest = digest();
    // Stream the JSON through the digest: a large tensor's text is never held in memory whole.
    DigestWriter out = new DigestWriter(digest);
    CanonicalJson.write(value, out);
    out.close();
    return HexFormat.of().formatHex(digest.digest());
  }

  /** A fresh SHA-256 digest (a clone of a prototype: cheaper than a provider lookup). */
  public static MessageDigest digest() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return newDigest();
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  /** True when {@code hash} is 64 lower-case hexadecimal digits. */
  public static boolean isHash(String hash) {
    if (hash == null || hash.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = hash.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  public static String require(String hash, ErrorCode code, String field, String what) {
    if (!isHash(hash)) {
      throw VeriSimException.invalid(code, field, what + " '" + hash + "' is not a SHA-256 hash (64 lower-case hex digits)");
    }
    return hash;
  }
}
