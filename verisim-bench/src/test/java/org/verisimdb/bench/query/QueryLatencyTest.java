package org.verisimdb.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query latency harness in its short mode (2,000 octads, 50 measured executions per kind):
 * every kind but VQL-DT answers with rows through the access path it is meant to exercise, the
 * percentiles are finite and ordered, the JSON report holds the same figures, and a second run
 * reopens the loaded directory instead of loading again.
 */
class QueryLatencyTest {
  @TempDir
  Path dir;

  static QueryLatency.Options options(String... argv) throws Exception {
    return QueryLatency.options(QueryLatency.args().parse(argv));
  }

  @Test
  void shortRunMeasuresEveryKindAndReusesTheLoadedDirectory() throws Exception {
    Path data = dir.resolve("sample");
    Path out = dir.resolve("report.json");
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    QueryLatency.Report report = QueryLatency.run(
        options("--size", "2000", "--iterations", "50", "--warmup", "50", "--data", data.toString(), "--out", out.toString()),
        System.err, new PrintStream(table, true, StandardCharsets.UTF_8));
    System.out.print(table.toString(StandardCharsets.UTF_8)); // surefire keeps it in the test's output file

    assertThat(report.database().loadedNow()).isTrue();
    assertThat(report.database().octads()).isEqualTo(2000);
    Map<String, KindResult> kinds = report.kinds().stream().collect(Collectors.toMap(KindResult::kind, Function.identity()));
    assertThat(kinds.keySet()).containsExactlyInAnyOrder("get", "text", "vector", "geo", "graph2", "cross3", "vqldt");
    for (KindResult k : report.kinds()) {
      if (k.kind().equals("vqldt")) {
        continue;
      }
      assertThat(k.errorCode()).as(k.kind() + ": " + k.errorMessage()).isNull();
      assertThat(k.iterations()).as(k.kind()).isEqualTo(50);
      assertThat(k.emptyResults()).as(k.kind() + " executions without rows").isZero();
      assertThat(List.of(k.p50Ms(), k.p90Ms(), k.p99Ms(), k.maxMs(), k.meanMs())).as(k.kind())
          .allSatisfy(v -> assertThat(v).isFinite().isPositive());
      assertThat(k.cpuP50Ms()).as(k.kind() + " cpu").isFinite().isNotNegative();
      assertThat(k.p50Ms()).as(k.kind()).isLessThanOrEqualTo(k.p90Ms());
      assertThat(k.p90Ms()).as(k.kind()).isLessThanOrEqualTo(k.p99Ms());
      assertThat(k.p99Ms()).as(k.kind()).isLessThanOrEqualTo(k.maxMs());
    }
    assertThat(report.problems()).isEmpty();

    // Exact row counts where the sample fixes them, and the access path each kind exists to measure.
    assertThat(kinds.get("get").rowsPerIteration()).isEqualTo(1.0);
    assertThat(kinds.get("get").operators()).contains("OctadLookup");
    assertThat(kinds.get("vector").rowsPerIteration()).isEqualTo(10.0);
    assertThat(kinds.get("vector").operators()).contains("VectorSearch");
    assertThat(kinds.get("text").rowsPerIteration()).isBetween(1.0, 10.0);
    assertThat(kinds.get("text").operators()).contains("TextSearch");
    assertThat(kinds.get("geo").rowsPerIteration()).isBetween(1.0, 10.0);
    assertThat(kinds.get("geo").operators()).contains("SpatialSearch");
    // A paper has 1-4 authors, each a member of one organisation.
    assertThat(kinds.get("graph2").rowsPerIteration()).isBetween(1.0, 4.0);
    assertThat(kinds.get("graph2").operators()).contains("GraphTraverse");
    assertThat(kinds.get("cross3").rowsPerIteration()).isBetween(1.0, 10.0);
    assertThat(kinds.get("cross3").operators()).containsAnyOf("TextSearch", "SpatialSearch");

    // The JSON file holds the same figures as the report.
    JsonNode json = new ObjectMapper().readTree(Files.readString(out));
    assertThat(json.get("size").asInt()).isEqualTo(2000);
    assertThat(json.get("kinds")).hasSize(7);
    JsonNode vector = json.get("kinds").get(2);
    assertThat(vector.get("kind").asText()).isEqualTo("vector");
    assertThat(vector.get("rows_per_iteration").asDouble()).isEqualTo(10.0);
    assertThat(vector.get("p50_ms").asDouble()).isCloseTo(kinds.get("vector").p50Ms(), org.assertj.core.data.Offset.offset(0.001));
    assertThat(table.toString(StandardCharsets.UTF_8)).contains("graph2").contains("p99 ms");

    // The second run finds the completed load and reopens it.
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    QueryLatency.Report again = QueryLatency.run(
        options("--size", "2000", "--iterations", "5", "--warmup", "0", "--kinds", "get", "--data", data.toString(), "--out", out.toString()),
        quiet, quiet);
    assertThat(again.database().loadedNow()).isFalse();
    assertThat(again.database().octads()).isEqualTo(2000);
    assertThat(again.kinds()).singleElement().satisfies(k -> assertThat(k.rowsPerIteration()).isEqualTo(1.0));

    // A different sample set is refused, and the loaded one is left alone.
    assertThatThrownBy(() -> QueryLatency.run(options("--size", "1000", "--data", data.toString(), "--out", out.toString()),
        System.err, System.out)).isInstanceOf(IllegalStateException.class).hasMessageContaining("size 2000");
    assertThat(data.resolve(SampleDatabase.MARKER)).exists();
  }

  @Test
  void unknownKindsAndForeignDirectoriesAreRefused() throws Exception {
    assertThatThrownBy(() -> options("--kinds", "get,joins")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("joins").hasMessageContaining("graph2");
    Path foreign = Files.createDirectories(dir.resolve("foreign"));
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> QueryLatency.run(options("--size", "20", "--data", foreign.toString()), System.err, System.out))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("notes.txt");
    assertThat(foreign.resolve("notes.txt")).hasContent("mine");
  }

  @Test
  void wordsAreTheIndexTermsOfLettersOnly() {
    assertThat(SampleParams.words("Ten years of Glacier-dynamics near Bergen — site 3, São Paulo; ice2 a4b"))
        .containsExactly("years", "glacier", "dynamics", "near", "bergen", "site", "paulo");
  }
}
