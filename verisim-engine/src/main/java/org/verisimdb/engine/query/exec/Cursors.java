package org.verisimdb.engine.query.exec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.value.ValueJson;
import org.verisimdb.model.hash.CanonicalJson;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;

/**
 * Opaque, tamper-evident cursors (VQL.md §5.8): the ordering key of the last row delivered,
 * bound to the hash of the statement without its paging and of its parameter values, and to an
 * expiry, signed with HMAC-SHA256 under a key of this process. Thread-safe.
 */
final class Cursors {
  private final byte[] key = new byte[32];
  private final Duration ttl;

  Cursors(Duration ttl) {
    new SecureRandom().nextBytes(key);
    this.ttl = ttl;
  }

  String issue(String statementHash, List<Value> lastKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("s", statementHash);
    List<Object> k = new ArrayList<>();
    for (Value v : lastKey) {
      k.add(List.of(v.typeName(), ValueJson.toPlain(v) == null ? "" : ValueJson.toPlain(v)));
    }
    body.put("k", k);
    body.put("e", System.currentTimeMillis() + ttl.toMillis());
    String payload = CanonicalJson.write(body);
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return encoded + "." + mac(encoded);
  }

  /** The ordering key the cursor resumes after; VQL-EXEC-007 when it is forged, expired or of another statement. */
  List<Value> resume(String cursor, String statementHash) {
    int dot = cursor.lastIndexOf('.');
    if (dot < 0 || !java.security.MessageDigest.isEqual(mac(cursor.substring(0, dot)).getBytes(StandardCharsets.US_ASCII),
        cursor.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
      throw invalid("the cursor is not one this server issued (or the server restarted since)");
    }
    Object parsed;
    try {
      byte[] json = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
      parsed = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Object.class);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw invalid("the cursor cannot be read");
    }
    if (!(parsed instanceof Map<?, ?> body) || !(body.get("k") instanceof List<?> k)) {
      throw invalid("the cursor cannot be read");
    }
    if (!statementHash.equals(body.get("s"))) {
      throw invalid("the cursor belongs to another statement or other parameter values");
    }
    if (((Number) body.get("e")).longValue() < System.currentTimeMillis()) {
      throw invalid("the cursor expired (vql.cursor_ttl is " + ttl.toMinutes() + " min)");
    }
    List<Value> out = new ArrayList<>();
    for (Object o : k) {
      if (!(o instanceof List<?> pair) || pair.size() != 2) {
        throw invalid("the cursor cannot be read");
      }
      Object plain = pair.get(1);
      out.add(switch (String.valueOf(pair.get(0))) {
        case "null" -> Value.NULL;
        case "timestamp" -> org.verisimdb.engine.query.value.Values.parseTime((String) plain);
        default -> ValueJson.fromPlain(plain);
      });
    }
    return out;
  }

  /** The hash a cursor binds: the statement text without paging, and the parameter values. */
  static String statementHash(String textWithoutPaging, Object params) {
    return Sha256.hex((textWithoutPaging + "\n" + CanonicalJson.write(params)).getBytes(StandardCharsets.UTF_8));
  }

  private String mac(String text) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(m.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static VqlException invalid(String why) {
    return new VqlException(DiagnosticCode.EXEC_007, "invalid or expired cursor: " + why).withHint("run the statement again without CURSOR");
  }
}
