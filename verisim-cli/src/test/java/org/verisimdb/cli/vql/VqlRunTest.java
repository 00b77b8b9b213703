package org.verisimdb.cli.vql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.write.OctadInput;

/** {@code vql --data DIR -c/-f}: statements run on a database on disk, results as JSON, table and CSV, errors as §10.1 objects. */
class VqlRunTest {
  @TempDir
  static Path dir;

  static Path data;
  static Path config;

  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  @BeforeAll
  static void createDatabase() throws Exception {
    data = dir.resolve("db");
    config = dir.resolve("verisim.properties");
    Files.writeString(config, "vector.dimension=4\nembedding.auto=off\n");
    try (Database db = VeriSimDB.open(data, DatabaseConfig.defaults().withAutoEmbedding(false).withVectorDimension(4))) {
      db.create(paper("p1", "Tidal energy, fjords", 2019, "Oslo", new double[] {1, 0, 0, 0}));
      db.create(paper("p2", "Say \"tide\"", 1985, null, new double[] {0, 1, 0, 0}));
      db.create(paper("p3", "Wave power", 1975, "", new double[] {0.9, 0.1, 0, 0}));
    }
  }

  static OctadInput paper(String id, String title, long year, String venue, double[] vector) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("title", title);
    fields.put("year", year);
    if (venue != null) {
      fields.put("venue", venue);
    }
    return OctadInput.builder().id(id).with(DocumentFacet.of(fields)).with(VectorFacet.of(vector, null)).build();
  }

  /** Runs {@code bin/vql} on the test database with the given further arguments. */
  int vql(String... args) {
    List<String> all = new ArrayList<>(List.of("--data", data.toString(), "--config", config.toString()));
    all.addAll(List.of(args));
    return raw(all.toArray(String[]::new));
  }

  int raw(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return VqlMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  Path script(String text) throws Exception {
    Path p = Files.createTempFile(dir, "script", ".vql");
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /** Output with the run-dependent parts fixed: elapsed times, cursors and transaction ids. */
  static String masked(String text) {
    return text.replaceAll("\"elapsed_ms\":[0-9.Ee-]+", "\"elapsed_ms\":0").replaceAll("\"next_cursor\":\"[^\"]*\"", "\"next_cursor\":\"C\"")
        .replaceAll("next_cursor: \\S+", "next_cursor: C").replaceAll("\"id\":\\d+,\"isolation\"", "\"id\":1,\"isolation\"")
        .replaceAll("transaction \\d+ \\(", "transaction 1 (");
  }

  static final String COLUMNS = "\"columns\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"document.title\",\"type\":\"string\"},"
      + "{\"name\":\"document.year\",\"type\":\"any\"}]";

  @Test
  void jsonPrintsOneResultObjectPerStatement() {
    assertThat(vql("-c", "SELECT id, DOCUMENT.title, DOCUMENT.year FROM OCTADS WHERE DOCUMENT.year >= 1980")).as(err.toString()).isZero();
    assertThat(masked(out.toString())).isEqualTo("{" + COLUMNS + ",\"rows\":["
        + "{\"id\":\"p1\",\"document\":{\"title\":\"Tidal energy, fjords\",\"year\":2019}},"
        + "{\"id\":\"p2\",\"document\":{\"title\":\"Say \\\"tide\\\"\",\"year\":1985}}],\"count\":2,\"elapsed_ms\":0}\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void tableAlignsColumnsAndCountsRows() {
    assertThat(vql("--format", "table", "-c", "SELECT id, DOCUMENT.title, DOCUMENT.year, DOCUMENT.venue FROM OCTADS")).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("""
        id | document.title       | document.year | document.venue
        ---+----------------------+---------------+---------------
        p1 | Tidal energy, fjords |          2019 | Oslo
        p2 | Say "tide"           |          1985 | NULL
        p3 | Wave power           |          1975 |
        (3 rows)
        """);
    assertThat(vql("--format", "TABLE", "-c", "SELECT id FROM OCTADS LIMIT 2", "-c", "SELECT id, similarity FROM OCTADS LIMIT 1")).isZero();
    assertThat(masked(out.toString())).isEqualTo("""
        id
        --
        p1
        p2
        (2 rows)
        next_cursor: C

        id | similarity
        ---+-----------
        p1 | NULL
        (1 row)
        next_cursor: C
        """);
    assertThat(err.toString()).isEqualTo("1:12 warning VQL-WARN-001 similarity is always null: the statement has no predicate that defines it\n");
  }

  @Test
  void csvFollowsRfc4180() {
    assertThat(vql("--format", "csv", "-c", "SELECT id, DOCUMENT.title, DOCUMENT.venue, DOCUMENT FROM OCTADS WHERE DOCUMENT.year < 2000"))
        .as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("id,document.title,document.venue,document\r\n"
        + "p2,\"Say \"\"tide\"\"\",,\"{\"\"title\"\":\"\"Say \\\"\"tide\\\"\"\"\",\"\"year\"\":1985}\"\r\n"
        + "p3,Wave power,\"\",\"{\"\"title\"\":\"\"Wave power\"\",\"\"venue\"\":\"\"\"\",\"\"year\"\":1975}\"\r\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void parametersArePositionalOrNamedLiterals() {
    assertThat(vql("-c", "SELECT id FROM OCTADS WHERE DOCUMENT.year > $1 AND DOCUMENT.venue = $2", "--param", "1=1980", "--param", "$2='Oslo'"))
        .as(err.toString()).isZero();
    assertThat(masked(out.toString())).isEqualTo("{\"columns\":[{\"name\":\"id\",\"type\":\"string\"}],\"rows\":[{\"id\":\"p1\"}],\"count\":1,\"elapsed_ms\":0}\n");
    assertThat(vql("--format", "csv", "-c", "SELECT id FROM OCTADS WHERE DOCUMENT.year BETWEEN :lo AND :hi AND VECTOR NEAREST 2 TO :v",
        "--param", ":lo=1970", "--param", "hi=1990", "--param", "v=[0.0, 1, 0, 0]")).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("id\r\np2\r\np3\r\n");
    assertThat(vql("--format", "csv", "-c", "SELECT id FROM OCTADS WHERE DOCUMENT.title = :t", "--param", "t=Wave power")).isZero();
    assertThat(out.toString()).isEqualTo("id\r\np3\r\n"); // not a literal: the string as written
  }

  @Test
  void scriptRunsInOneSessionAndTransactionsSpanStatements() throws Exception {
    Path file = script("""
        BEGIN ISOLATION LEVEL SERIALIZABLE;
        -- a comment; with a semicolon
        SELECT id FROM OCTADS WHERE DOCUMENT.title = 'a;b';;
        ROLLBACK;
        SHOW MODALITIES
        """);
    assertThat(vql("-f", file.toString())).as(err.toString()).isZero();
    String[] lines = masked(out.toString()).split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).isEqualTo("{\"columns\":[],\"rows\":[],\"count\":0,\"elapsed_ms\":0,"
        + "\"transaction\":{\"id\":1,\"isolation\":\"SERIALIZABLE\",\"state\":\"active\"}}");
    assertThat(lines[1]).isEqualTo("{\"columns\":[{\"name\":\"id\",\"type\":\"string\"}],\"rows\":[],\"count\":0,\"elapsed_ms\":0}");
    assertThat(lines[2]).isEqualTo("{\"columns\":[],\"rows\":[],\"count\":0,\"elapsed_ms\":0,"
        + "\"transaction\":{\"id\":1,\"isolation\":\"SERIALIZABLE\",\"state\":\"rolled_back\"}}");
    assertThat(lines[3]).startsWith("{\"columns\":[{\"name\":\"modality\",\"type\":\"string\"},{\"name\":\"octads\",\"type\":\"integer\"},")
        .contains("{\"modality\":\"DOCUMENT\",\"octads\":3,").contains("{\"modality\":\"VECTOR\",\"octads\":3,");

    assertThat(vql("--format", "table", "-c", "BEGIN", "-c", "SELECT COUNT(*) AS n FROM OCTADS", "-c", "COMMIT")).as(err.toString()).isZero();
    assertThat(masked(out.toString())).isEqualTo("""
        transaction 1 (SNAPSHOT): active

        n
        -
        3
        (1 row)

        transaction 1 (SNAPSHOT): committed
        """);
  }

  @Test
  void scriptFromStandardInputAndAnUnfinishedTransaction() {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream("BEGIN; SELECT id FROM OCTAD 'p3'".getBytes(StandardCharsets.UTF_8)));
      assertThat(vql("--format", "csv", "-f", "-")).as(err.toString()).isZero();
    } finally {
      System.setIn(stdin);
    }
    assertThat(out.toString()).isEqualTo("id\r\np3\r\n");
    assertThat(masked(err.toString())).isEqualTo("transaction 1 (SNAPSHOT): active\n"
        + "note: transaction 1 (SNAPSHOT): active was not committed; it is rolled back\n");
  }

  @Test
  void aStatementErrorStopsTheScriptWithItsErrorObjectInScriptPositions() throws Exception {
    Path file = script("SELECT id FROM OCTAD 'p1';\nSHOW MODALITIES LIMIT 1; SELECT id FROM OCTADS WHERE VECTOR.nosuch = 1;\nSELECT id FROM OCTADS;\n");
    assertThat(vql("--format", "csv", "-f", file.toString())).isEqualTo(1);
    assertThat(out.toString()).startsWith("id\r\np1\r\n\r\nmodality,octads,store,fields\r\n");
    assertThat(out.toString().split("\r\n")).hasSize(5); // the third statement did not run
    String nosuch = "\"message\":\"unknown field 'nosuch' of VECTOR\",\"position\":{\"line\":2,\"column\":54,\"end_line\":2,\"end_column\":67}";
    assertThat(err.toString()).isEqualTo("{\"code\":\"VQL-NAME-002\"," + nosuch + ",\"retryable\":false,\"details\":{},"
        + "\"diagnostics\":[{\"severity\":\"error\",\"code\":\"VQL-NAME-002\"," + nosuch + "}]}\n");

    Path broken = script("SELECT id FROM OCTAD 'p1';\n\n  SELECT GRAPH FORM OCTADS;\nSELECT id FROM OCTADS");
    assertThat(vql("-f", broken.toString())).isEqualTo(1);
    assertThat(out.toString().lines()).hasSize(1);
    String message = "\"message\":\"expected FROM or ',' but found 'FORM'; did you mean FROM?\"";
    String position = "\"position\":{\"line\":3,\"column\":16,\"end_line\":3,\"end_column\":20}";
    assertThat(err.toString()).isEqualTo("{\"code\":\"VQL-SYNTAX-001\"," + message + "," + position + ",\"hint\":\"did you mean FROM?\","
        + "\"retryable\":false,\"details\":{},\"diagnostics\":[{\"severity\":\"error\",\"code\":\"VQL-SYNTAX-001\"," + message + "," + position
        + ",\"hint\":\"did you mean FROM?\"}]}\n");
  }

  @Test
  void errorsOfACommandAndOfItsParameters() {
    assertThat(vql("-c", "SELECT id FROM OCTADS WHERE DOCUMENT.year > $1")).isEqualTo(1);
    assertThat(err.toString()).startsWith("{\"code\":\"VQL-PARAM-001\",\"message\":\"no value bound for $1\",\"position\":{\"line\":1,\"column\":45,\"end_line\":1,\"end_column\":47},");
    assertThat(vql("-c", "SELECT id FROM OCTADS", "--param", "year=2000")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("{\"code\":\"VQL-PARAM-002\",\"message\":\"value :year is bound but no statement uses :year\","
        + "\"hint\":\"remove its --param, or use :year in a statement\",\"retryable\":false,\"details\":{},\"diagnostics\":[]}\n");
    assertThat(vql("-c", "COMMIT")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("{\"code\":\"VQL-TX-002\",\"message\":\"no transaction is open; start one with BEGIN\","
        + "\"retryable\":false,\"details\":{},\"diagnostics\":[]}\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    assertThat(vql("-c", "SELECT id FROM OCTADS", "--param", "year")).isEqualTo(2);
    assertThat(err.toString()).startsWith("--param 'year' has no '=': write NAME=VALUE, e.g. --param 1=42 or --param year=2019\nUsage: vql");
    assertThat(vql("-c", "SELECT id FROM OCTADS", "--param", "2=1")).isEqualTo(2);
    assertThat(err.toString()).contains("--param $1 is missing");
    assertThat(vql("-c", "SELECT id FROM OCTADS", "-f", script("SELECT id FROM OCTADS").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("-c and -f cannot be combined");
    assertThat(vql()).isEqualTo(2);
    assertThat(err.toString()).contains("give -c STATEMENT or -f FILE");
    assertThat(vql("--format", "xml", "-c", "SELECT id FROM OCTADS")).isEqualTo(2);
    assertThat(err.toString()).contains("'xml' is not a format: use json, table or csv");
    assertThat(out.toString()).isEmpty();
    assertThat(vql("-f", dir.resolve("missing.vql").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("no such file");
  }

  @Test
  void helpListsEverything() {
    assertThat(raw("--help")).isZero();
    assertThat(out.toString()).contains("--data=DIR", "--config=FILE", "-c, --command=STATEMENT", "-f, --file=FILE", "--param=NAME=VALUE",
        "--format=FORMAT", "--principal=NAME", "check", "fmt");
    assertThat(raw()).isZero();
    assertThat(out.toString()).contains("-c, --command=STATEMENT");
  }
}
