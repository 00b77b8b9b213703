package org.verisimdb.cli.vql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.query.Column;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Span;

/** The three output formats on results the engine cannot produce yet or only rarely: EXPLAIN, certificates, odd values, failing rows. */
class PrintersTest {
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  /** A fixed result; reading row {@code failAt} fails (-1: never). */
  record Fixed(List<Column> columns, List<Value.Obj> rowList, int failAt, Value.Obj certificate, Value.Obj explain, List<Diagnostic> warnings)
      implements Result {
    @Override
    public Iterator<Value.Obj> rows() {
      Iterator<Value.Obj> it = rowList.iterator();
      return new Iterator<>() {
        int read;

        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Value.Obj next() {
          if (read++ == failAt) {
            throw new VqlException(DiagnosticCode.EXEC_003, "statement timeout");
          }
          return it.next();
        }
      };
    }

    @Override
    public long count() {
      return rowList.size();
    }

    @Override
    public String nextCursor() {
      return null;
    }

    @Override
    public Value.Obj transaction() {
      return null;
    }

    @Override
    public double elapsedMs() {
      return 2.0;
    }

    @Override
    public void close() {}
  }

  static Value.Obj obj(Object... nameValue) {
    Map<String, Value> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      m.put((String) nameValue[i], (Value) nameValue[i + 1]);
    }
    return new Value.Obj(m);
  }

  ResultPrinter printer(OutputFormat format) {
    out = new StringWriter();
    err = new StringWriter();
    return ResultPrinter.of(format, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  static final List<Column> COLUMNS = List.of(new Column("id", "string"), new Column("proved", "boolean"), new Column("COUNT(DOCUMENT.x)", "integer"),
      new Column("document.tags", "array"), new Column("temporal.created_at", "timestamp"));
  static final Value.Obj ROW = obj("id", new Value.Str("a\tb\nc"), "proved", Value.TRUE, "COUNT(DOCUMENT.x)", new Value.Int(-12),
      "document", obj("tags", new Value.Arr(List.of(new Value.Str("x"), new Value.Flt(0.5)))), "temporal",
      obj("created_at", new Value.Time(1_700_000_000L, 250_000)));
  static final Value.Obj CERTIFICATE = obj("query_hash", new Value.Str("5d0c"), "verified", Value.TRUE);
  static final Diagnostic WARNING = Diagnostic.of(DiagnosticCode.WARN_001, new Span(3, 5, 2, 4, 2, 6), "score is always null");

  @Test
  void tableAndCsvRenderEveryKindOfValue() {
    Result r = new Fixed(COLUMNS, List.of(ROW), -1, CERTIFICATE, null, List.of(WARNING));
    printer(OutputFormat.TABLE).print(r);
    assertThat(out.toString()).isEqualTo("""
        id      | proved | COUNT(DOCUMENT.x) | document.tags | temporal.created_at
        --------+--------+-------------------+---------------+------------------------
        a\\tb\\nc | true   |               -12 | ["x",0.5]     | 2023-11-14T22:13:20.25Z
        (1 row)
        certificate: {"query_hash":"5d0c","verified":true}
        """);
    assertThat(err.toString()).isEqualTo("2:4 warning VQL-WARN-001 score is always null\n");

    printer(OutputFormat.CSV).print(new Fixed(COLUMNS, List.of(ROW), -1, CERTIFICATE, null, List.of()));
    assertThat(out.toString()).isEqualTo("id,proved,COUNT(DOCUMENT.x),document.tags,temporal.created_at\r\n"
        + "\"a\tb\nc\",true,-12,\"[\"\"x\"\",0.5]\",2023-11-14T22:13:20.25Z\r\n");
    assertThat(err.toString()).isEqualTo("certificate: {\"query_hash\":\"5d0c\",\"verified\":true}\n");
  }

  @Test
  void explainIsATreeInTablesAndOneFieldInCsv() {
    Value.Obj explain = obj("mode", new Value.Str("EXPLAIN"), "plan", obj("operator", new Value.Str("FullScan"), "children", new Value.Arr(List.of())));
    Result r = new Fixed(List.of(), List.of(), -1, null, explain, List.of());
    printer(OutputFormat.TABLE).print(r);
    assertThat(out.toString()).isEqualTo("""
        EXPLAIN  estimated ? ms
        FullScan  est ? rows ? ms
        """);
    printer(OutputFormat.CSV).print(r);
    assertThat(out.toString()).isEqualTo("explain\r\n\"{\"\"mode\"\":\"\"EXPLAIN\"\",\"\"plan\"\":{\"\"operator\"\":\"\"FullScan\"\",\"\"children\"\":[]}}\"\r\n");
    printer(OutputFormat.JSON).print(r);
    assertThat(out.toString()).isEqualTo("{\"mode\":\"EXPLAIN\",\"plan\":{\"operator\":\"FullScan\",\"children\":[]}}\n");
  }

  @Test
  void aRowThatFailsEndsTheLineWithoutCompletingTheJson() {
    Value.Obj row = obj("id", new Value.Str("p1"));
    ResultPrinter json = printer(OutputFormat.JSON);
    assertThatThrownBy(() -> json.print(new Fixed(List.of(new Column("id", "string")), List.of(row, row), 1, null, null, List.of())))
        .isInstanceOfSatisfying(VqlException.class, e -> assertThat(e.code()).isEqualTo(DiagnosticCode.EXEC_003));
    assertThat(out.toString()).isEqualTo("{\"columns\":[{\"name\":\"id\",\"type\":\"string\"}],\"rows\":[{\"id\":\"p1\"}\n");
    ResultPrinter csv = printer(OutputFormat.CSV);
    assertThatThrownBy(() -> csv.print(new Fixed(List.of(new Column("id", "string")), List.of(row, row), 1, null, null, List.of())))
        .isInstanceOf(VqlException.class);
    assertThat(out.toString()).isEqualTo("id\r\np1\r\n");
  }
}
