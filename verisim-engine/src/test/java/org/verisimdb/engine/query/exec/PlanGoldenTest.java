package org.verisimdb.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verisimdb.engine.query.ExplainText;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.VqlSession;
import org.verisimdb.engine.query.value.ValueJson;
import org.verisimdb.vql.ast.Value;

/**
 * EXPLAIN plans, estimates included, against golden files (the JSON object and its text tree).
 * Estimates are deterministic for given statistics and an untuned cost model. Run with
 * {@code -Dvql.golden.update=true} to rewrite the files after an intended change, and review the diff.
 */
class PlanGoldenTest {
  static final Path DIR = Path.of("src/test/resources/plans");

  @BeforeAll
  static void load() {
    PlannerTest.load();
  }

  @AfterAll
  static void close() {
    PlannerTest.close();
  }

  static List<String[]> plans() {
    return List.of(
        new String[] {"lookup", "SELECT DOCUMENT FROM OCTAD 'o007'"},
        new String[] {"full-scan", "SELECT id FROM OCTADS WHERE DOCUMENT.n > 10 ORDER BY DOCUMENT.n DESC LIMIT 5"},
        new String[] {"text-driving", "SELECT id FROM OCTADS WHERE FULLTEXT CONTAINS 'rare' AND DOCUMENT.kind = 'station'"},
        new String[] {"field-driving", "SELECT id FROM OCTADS WHERE FULLTEXT CONTAINS 'common' AND DOCUMENT.kind = 'depot'"},
        new String[] {"intersect", "SELECT id FROM OCTADS WHERE SPATIAL WITHIN RADIUS(50.0, 5.0, 60) AND DOCUMENT.kind = 'station'"},
        new String[] {"vector-nearest", "SELECT id, similarity FROM OCTADS WHERE VECTOR NEAREST 3 TO [1.0, 0.0, 0.0, 0.0]"},
        new String[] {"search-text", "SEARCH TEXT 'common report' LIMIT 5"},
        new String[] {"graph-traverse", "SELECT id FROM OCTADS WHERE (s)-[:NEXT*1..2]->(h) AND s.id = 'o003'"},
        new String[] {"aggregate", "SELECT DOCUMENT.kind, COUNT(*) AS n FROM OCTADS GROUP BY DOCUMENT.kind ORDER BY n DESC"},
        new String[] {"cross-modal", "SELECT id FROM OCTADS WHERE DOCUMENT.kind = 'depot' AND DRIFT(VECTOR, DOCUMENT) < 0.5"},
        new String[] {"as-of", "SELECT id FROM OCTADS AS OF VERSION 1 WHERE DOCUMENT.n < 3"});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void planMatchesGolden(String name, String statement) throws IOException {
    Value.Obj explain;
    try (VqlSession s = PlannerTest.db.vql(); Result r = s.execute("EXPLAIN " + statement)) {
      explain = r.explain();
    }
    String actual = json(explain) + "\n\n" + ExplainText.render(explain);
    Path golden = DIR.resolve(name + ".txt");
    if (Boolean.getBoolean("vql.golden.update")) {
      Files.createDirectories(DIR);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden plan %s (run with -Dvql.golden.update=true to create it)", golden).exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  static String json(Value v) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.useDefaultPrettyPrinter();
      ValueJson.write(v, g);
    }
    return w.toString();
  }
}
