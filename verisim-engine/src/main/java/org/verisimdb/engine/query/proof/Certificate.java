package org.verisimdb.engine.query.proof;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verisimdb.model.hash.CanonicalJson;
import org.verisimdb.model.hash.Sha256;
import org.verisimdb.engine.query.value.ValueJson;
import org.verisimdb.vql.ast.Value;

/**
 * The certificate of a VQL-DT statement (VQL.md §7.7): the statement and its parameters by hash,
 * the read view, the transaction, the result page by row count and Merkle root, one entry per
 * proof spec in written order, their conjunction, when and by whom it was issued. It is encoded
 * as canonical JSON ({@link #canonical}). This node does not sign certificates: the optional
 * {@code signature} member is omitted. Stateless.
 */
public final class Certificate {
  /** The certificate format version. */
  public static final int VERSION = 1;

  private Certificate() {}

  /**
   * The statement's read view.
   *
   * @param snapshot the snapshot timestamp
   * @param asOf the {@code AS OF} timestamp ({@link Value.Time}), version number
   *     ({@link Value.Int}) or version label ({@link Value.Str}), or {@link Value#NULL} (null is
   *     taken as NULL)
   */
  public record ReadView(Instant snapshot, Value asOf) {
    public ReadView {
      if (snapshot == null) {
        throw new IllegalArgumentException("a read view needs its snapshot time");
      }
      asOf = asOf == null ? Value.NULL : asOf;
      if (!(asOf instanceof Value.Time || asOf instanceof Value.Int || asOf instanceof Value.Str || asOf instanceof Value.Null)) {
        throw new IllegalArgumentException("AS OF is a timestamp, a version or a label, not a " + asOf.typeName());
      }
    }
  }

  /**
   * The certificate object.
   *
   * @param statement the normalised statement text (§11.4)
   * @param params the parameter values as bound, an {@link Value.Arr} (positional) or
   *     {@link Value.Obj} (named); null when the statement has none
   * @param transaction the id of the enclosing explicit transaction (as the transaction object of
   *     §9.1 gives it), or null
   * @param result the Merkle tree over the page's rows
   * @param proofs one entry per spec, in written order
   * @param issuedAt when verification finished: the instant FRESHNESS measured ages at
   * @param issuer the node name
   */
  public static Value.Obj build(String statement, Value params, ReadView readView, Long transaction, Merkle.Tree result,
      List<Entry> proofs, Instant issuedAt, String issuer) {
    Map<String, Value> view = new LinkedHashMap<>();
    view.put("snapshot", ValueJson.time(readView.snapshot()));
    view.put("as_of", readView.asOf());
    Map<String, Value> page = new LinkedHashMap<>();
    page.put("row_count", new Value.Int(result.size()));
    page.put("merkle_root", new Value.Str(result.root()));
    List<Value> entries = new ArrayList<>(proofs.size());
    boolean verified = true;
    for (Entry e : proofs) {
      entries.add(e.toJson());
      verified &= e.verified();
    }
    Map<String, Value> c = new LinkedHashMap<>();
    c.put("version", new Value.Int(VERSION));
    c.put("statement", new Value.Str(statement));
    c.put("query_hash", new Value.Str(queryHash(statement)));
    c.put("params_hash", new Value.Str(paramsHash(params)));
    c.put("read_view", new Value.Obj(view));
    c.put("transaction", transaction == null ? Value.NULL : new Value.Int(transaction));
    c.put("result", new Value.Obj(page));
    c.put("proofs", new Value.Arr(entries));
    c.put("verified", verified ? Value.TRUE : Value.FALSE);
    c.put("issued_at", ValueJson.time(issuedAt));
    c.put("issuer", new Value.Str(issuer));
    return new Value.Obj(c);
  }

  /** {@code query_hash}: the hex SHA-256 of the UTF-8 bytes of the statement. */
  public static String queryHash(String statement) {
    return Sha256.hex(statement);
  }

  /** {@code params_hash}: {@code H(params)}, with {@code []} for null. */
  public static String paramsHash(Value params) {
    if (params == null || params instanceof Value.Null) {
      return Sha256.ofCanonicalJson(List.of());
    }
    if (!(params instanceof Value.Arr || params instanceof Value.Obj)) {
      throw new IllegalArgumentException("parameters are bound as an array or an object, not a " + params.typeName());
    }
    return Sha256.ofCanonicalJson(ValueJson.toPlain(params));
  }

  /** The canonical JSON text of a value (§7.6): of a certificate, the bytes a signature would cover. */
  public static String canonical(Value value) {
    return CanonicalJson.write(ValueJson.toPlain(value));
  }
}
