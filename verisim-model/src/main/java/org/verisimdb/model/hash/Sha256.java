package org.verisimdb.model.hash;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/** SHA-256 as lower-case hexadecimal, the form of every hash in the data model. */
public final class Sha256 {
  /** SHA-256 of the empty string: the parent of every chain's first record (the genesis). */
  public static final String GENESIS = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

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
    try (Writer out = new BufferedWriter(
        new OutputStreamWriter(new DigestOutputStream(OutputStream.nullOutputStream(), digest), StandardCharsets.UTF_8), 8192)) {
      CanonicalJson.write(value, out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a digest cannot fail", e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  /** True when {@code hash} is 64 lower-case hexadecimal digits. */
  public static boolean isHash(String hash) {
    return hash != null && HEX.matcher(hash).matches();
  }

  public static String require(String hash, ErrorCode code, String field, String what) {
    if (!isHash(hash)) {
      throw VeriSimException.invalid(code, field, what + " '" + hash + "' is not a SHA-256 hash (64 lower-case hex digits)");
    }
    return hash;
  }
}
