package org.verisimdb.engine.query.exec;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.verisimdb.engine.query.Column;
import org.verisimdb.engine.query.value.ValueJson;
import org.verisimdb.vql.ast.Value;

/**
 * {@code SHOW TRANSACTIONS [LIMIT n]} (VQL.md §5.14): the caller's open transactions, active or
 * aborted, oldest first. The engine has no administrator principal, so nobody sees the
 * transactions of others. {@code statements} counts the VQL statements run in a transaction
 * (SHOW TRANSACTIONS itself included), {@code writes} the octad writes it has staged.
 */
final class ShowTransactions {
  static final List<Column> COLUMNS = List.of(new Column("id", "integer"), new Column("principal", "string"),
      new Column("isolation", "string"), new Column("state", "string"), new Column("started_at", "timestamp"),
      new Column("statements", "integer"), new Column("writes", "integer"));

  private ShowTransactions() {}

  static List<Value.Obj> rows(QueryHost host, String principal, int limit) {
    return host.transactions().stream()
        .filter(t -> t.principal().equals(principal))
        .sorted(Comparator.comparing(QueryHost.TransactionInfo::startedAt).thenComparingLong(QueryHost.TransactionInfo::id))
        .limit(Math.max(0, limit))
        .map(ShowTransactions::row)
        .toList();
  }

  private static Value.Obj row(QueryHost.TransactionInfo t) {
    Map<String, Value> row = new LinkedHashMap<>();
    row.put("id", new Value.Int(t.id()));
    row.put("principal", new Value.Str(t.principal()));
    row.put("isolation", new Value.Str(t.isolation().wireName().toUpperCase(Locale.ROOT)));
    row.put("state", new Value.Str(t.state()));
    row.put("started_at", ValueJson.time(t.startedAt()));
    row.put("statements", new Value.Int(t.statements()));
    row.put("writes", new Value.Int(t.writes()));
    return new Value.Obj(row);
  }
}
