package org.verisimdb.engine.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.check.Bindings;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Span;

/** {@link ResultJson}: the §9.1 object member by member, streaming, EXPLAIN, errors, and results of a real session. */
class ResultJsonTest {
  static final JsonFactory JSON = new JsonFactory();

  /** A result with fixed members; {@code failAt} is the row whose reading fails (-1: none). */
  record Fixed(List<Column> columns, List<Value.Obj> rowList, int failAt, String nextCursor, Value.Obj certificate, Value.Obj transaction,
      List<Diagnostic> warnings, Value.Obj explain) implements Result {
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
            throw new VqlException(DiagnosticCode.EXEC_004, "store went away");
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
    public double elapsedMs() {
      return 1.23456;
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

  static String json(Result r) throws Exception {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      ResultJson.write(r, g);
    }
    return out.toString();
  }

  @Test
  void writesEveryMemberInSpecOrder() throws Exception {
    Value.Obj row1 = obj("id", new Value.Str("p1"), "document", obj("title", new Value.Str("Tides"), "year", new Value.Int(2019)));
    Value.Obj row2 = obj("id", new Value.Str("p2"), "document", obj("title", Value.NULL, "year", new Value.Flt(2.0)));
    Diagnostic warning = new Diagnostic(new Span(10, 20, 1, 11, 1, 21), DiagnosticCode.WARN_001.severity(), DiagnosticCode.WARN_001,
        "similarity is always null", "add VECTOR SIMILAR TO");
    Result r = new Fixed(List.of(new Column("id", "string"), new Column("document.title", "string")), List.of(row1, row2), -1, "c2",
        obj("query_hash", new Value.Str("ab")), null, List.of(warning), null);
    assertThat(json(r)).isEqualTo("{\"columns\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"document.title\",\"type\":\"string\"}],"
        + "\"rows\":[{\"id\":\"p1\",\"document\":{\"title\":\"Tides\",\"year\":2019}},{\"id\":\"p2\",\"document\":{\"title\":null,\"year\":2.0}}],"
        + "\"count\":2,\"elapsed_ms\":1.235,\"next_cursor\":\"c2\",\"certificate\":{\"query_hash\":\"ab\"},"
        + "\"warnings\":[{\"severity\":\"warning\",\"code\":\"VQL-WARN-001\",\"message\":\"similarity is always null\","
        + "\"position\":{\"line\":1,\"column\":11,\"end_line\":1,\"end_column\":21},\"hint\":\"add VECTOR SIMILAR TO\"}]}");
  }

  @Test
  void transactionResultsHaveNoRowsAndNoOptionalMembers() throws Exception {
    Value.Obj tx = obj("id", new Value.Int(7), "isolation", new Value.Str("SNAPSHOT"), "state", new Value.Str("active"));
    assertThat(json(new Fixed(List.of(), List.of(), -1, null, null, tx, List.of(), null)))
        .isEqualTo("{\"columns\":[],\"rows\":[],\"count\":0,\"elapsed_ms\":1.235,"
            + "\"transaction\":{\"id\":7,\"isolation\":\"SNAPSHOT\",\"state\":\"active\"}}");
  }

  @Test
  void explainIsItsObjectAlone() throws Exception {
    Value.Obj explain = obj("mode", new Value.Str("EXPLAIN"), "plan", obj("operator", new Value.Str("FullScan")));
    assertThat(json(new Fixed(List.of(new Column("id", "string")), List.of(), -1, null, null, null, List.of(), explain)))
        .isEqualTo("{\"mode\":\"EXPLAIN\",\"plan\":{\"operator\":\"FullScan\"}}");
  }

  @Test
  void rowsAreWrittenAsTheyAreRead() throws Exception {
    Value.Obj row = obj("id", new Value.Str("p1"));
    Result r = new Fixed(List.of(new Column("id", "string")), List.of(row, row, row), 1, null, null, null, List.of(), null);
    StringWriter out = new StringWriter();
    JsonGenerator g = JSON.createGenerator(out);
    assertThatThrownBy(() -> ResultJson.write(r, g)).isInstanceOfSatisfying(VqlException.class,
        e -> assertThat(e.code()).isEqualTo(DiagnosticCode.EXEC_004));
    g.flush();
    // The first row was out before the second was read.
    assertThat(out.toString()).isEqualTo("{\"columns\":[{\"name\":\"id\",\"type\":\"string\"}],\"rows\":[{\"id\":\"p1\"}");
  }

  @Test
  void errorsAreTheSection10Object() throws Exception {
    StringWriter out = new StringWriter();
    try (Database db = VeriSimDB.openInMemory(config()); VqlSession s = db.vql(); JsonGenerator g = JSON.createGenerator(out)) {
      VqlException e = org.assertj.core.api.Assertions.catchThrowableOfType(VqlException.class, () -> s.execute("SELECT GRAPH FORM OCTADS"));
      ResultJson.writeError(e, g);
    }
    String message = "\"message\":\"expected FROM or ',' but found 'FORM'; did you mean FROM?\"";
    String position = "\"position\":{\"line\":1,\"column\":14,\"end_line\":1,\"end_column\":18}";
    assertThat(out.toString()).isEqualTo("{\"code\":\"VQL-SYNTAX-001\"," + message + "," + position + ",\"hint\":\"did you mean FROM?\","
        + "\"retryable\":false,\"details\":{},\"diagnostics\":[{\"severity\":\"error\",\"code\":\"VQL-SYNTAX-001\"," + message + "," + position
        + ",\"hint\":\"did you mean FROM?\"}]}");
  }

  @Test
  void resultsOfASessionRoundTrip() throws Exception {
    try (Database db = VeriSimDB.openInMemory(config()); VqlSession s = db.vql()) {
      db.create(OctadInput.builder().id("a").with(DocumentFacet.of(Map.of("title", "Fjords", "year", 2019L))).build());
      db.create(OctadInput.builder().id("b").with(DocumentFacet.of(Map.of("title", "Dunes", "year", 1990L))).build());
      try (Result r = s.execute("SELECT id, DOCUMENT.title FROM OCTADS WHERE DOCUMENT.year > $1", Bindings.positional(List.of(2000L)))) {
        assertThat(masked(json(r))).isEqualTo("{\"columns\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"document.title\",\"type\":\"string\"}],"
            + "\"rows\":[{\"id\":\"a\",\"document\":{\"title\":\"Fjords\"}}],\"count\":1,\"elapsed_ms\":0}");
      }
      try (Result r = s.execute("SELECT id, similarity FROM OCTADS LIMIT 1")) {
        assertThat(masked(json(r))).isEqualTo("{\"columns\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"similarity\",\"type\":\"float\"}],"
            + "\"rows\":[{\"id\":\"a\",\"similarity\":null}],\"count\":1,\"elapsed_ms\":0,\"next_cursor\":\"CURSOR\",\"warnings\":[{\"severity\":\"warning\","
            + "\"code\":\"VQL-WARN-001\",\"message\":\"similarity is always null: the statement has no predicate that defines it\","
            + "\"position\":{\"line\":1,\"column\":12,\"end_line\":1,\"end_column\":22}}]}");
      }
      try (Result r = s.execute("BEGIN ISOLATION LEVEL SERIALIZABLE")) {
        assertThat(masked(json(r))).matches("\\{\"columns\":\\[],\"rows\":\\[],\"count\":0,\"elapsed_ms\":0,"
            + "\"transaction\":\\{\"id\":\\d+,\"isolation\":\"SERIALIZABLE\",\"state\":\"active\"}}");
      }
      try (Result r = s.execute("ROLLBACK")) {
        assertThat(json(r)).contains("\"state\":\"rolled_back\"");
      }
    }
  }

  static DatabaseConfig config() {
    return DatabaseConfig.defaults().withBackend("memory").withAutoEmbedding(false).withVectorDimension(4);
  }

  /** Elapsed times and cursors vary from run to run. */
  static String masked(String json) {
    return json.replaceAll("\"elapsed_ms\":[0-9.Ee-]+", "\"elapsed_ms\":0").replaceAll("\"next_cursor\":\"[^\"]*\"", "\"next_cursor\":\"CURSOR\"");
  }
}
