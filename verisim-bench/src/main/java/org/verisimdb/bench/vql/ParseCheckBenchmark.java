package org.verisimdb.bench.vql;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.verisimdb.vql.check.Catalog;
import org.verisimdb.vql.check.CheckResult;
import org.verisimdb.vql.check.Checker;
import org.verisimdb.vql.format.Formatter;
import org.verisimdb.vql.parse.ParsedStatement;
import org.verisimdb.vql.parse.Parser;

/**
 * Parse + check throughput of typical VQL requests of about 200 characters (the target is at
 * least 100,000 statements per second on one core). Each invocation parses and checks one
 * statement, cycling through eight shapes: full text, graph pattern, vector k-NN, spatial,
 * aggregate, VQL-DT, insert and update.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ParseCheckBenchmark {
  static final List<String> QUERIES = List.of(
      "SELECT id, score, DOCUMENT(title, year) FROM OCTADS WHERE FULLTEXT CONTAINS 'tidal energy' AND FIELD year >= 2018 AND DOCUMENT.lang IN ('en', 'nb') ORDER BY score DESC LIMIT 20",
      "SELECT GRAPH, DOCUMENT.title FROM OCTADS WHERE (h)-[:CITES*1..3]->(older) AND older.year BETWEEN 1950 AND 1989 AND DOCUMENT.venue = 'Nature' LIMIT 20 OFFSET 40",
      "SELECT id, similarity FROM OCTADS WHERE VECTOR NEAREST 8 TO [0.12, -0.4, 0.33, 0.08] USING EUCLIDEAN AND DOCUMENT.license = 'CC0' AND TEMPORAL.modified_at > '2025-01-01'",
      "SELECT id, distance_km, DOCUMENT.name FROM OCTADS WHERE SPATIAL WITHIN RADIUS(59.9139, 10.7522, 25) AND DOCUMENT.kind = 'station' AND PROVENANCE.chain_valid = TRUE LIMIT 50",
      "SELECT DOCUMENT.venue, COUNT(*) AS n, SUM(DOCUMENT.citations), MIN(DOCUMENT.year) FROM OCTADS GROUP BY DOCUMENT.venue HAVING COUNT(*) >= 10 ORDER BY n DESC LIMIT 20",
      "SELECT DOCUMENT, PROVENANCE FROM OCTAD 'contract-5521' PROOF PROVENANCE('contract-5521') WITH min_length = 2 AND FRESHNESS(*) WITH max_age = 'P1D' AND SANCTIFY(*)",
      "INSERT OCTAD 'station-0042' WITH DOCUMENT(title = 'Tide gauge 42', kind = 'station'), VECTOR([0.02, 0.11, -0.37, 0.9]), SPATIAL(lat = 63.4305, lon = 10.3951) RETURNING id",
      "UPDATE OCTAD 3f1c9a2e-5b7d-4e88-a0c4-19d2f6b7e531 SET DOCUMENT.status = 'final', DOCUMENT.draft_note = NULL PROOF ACCESS(*) AND PROVENANCE(*) WITH actor = 'editor-9'");

  private final Catalog catalog = Catalog.offline().withVectorDimension(4);
  private int next;

  @Benchmark
  public void parseAndCheck(Blackhole bh) {
    String query = QUERIES.get(next);
    next = (next + 1) & 7;
    ParsedStatement parsed = Parser.parseRequest(query);
    CheckResult result = Checker.check(parsed.statement(), catalog);
    bh.consume(result);
  }

  @Benchmark
  public void parseOnly(Blackhole bh) {
    String query = QUERIES.get(next);
    next = (next + 1) & 7;
    bh.consume(Parser.parseRequest(query));
  }

  @Benchmark
  public void format(Blackhole bh) {
    String query = QUERIES.get(next);
    next = (next + 1) & 7;
    bh.consume(Formatter.format(query));
  }
}
