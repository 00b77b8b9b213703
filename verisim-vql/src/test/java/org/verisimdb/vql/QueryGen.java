package org.verisimdb.vql;

import java.util.List;
import java.util.Random;

/**
 * Random VQL text from the grammar of VQL.md §3: valid statements (every generated statement
 * parses), token soups, and mutations of valid text. Deterministic for a given Random.
 */
final class QueryGen {
  private static final String[] MODS = {"GRAPH", "VECTOR", "TENSOR", "SEMANTIC", "DOCUMENT", "TEMPORAL", "PROVENANCE", "SPATIAL"};
  private static final String[] DOC_FIELDS = {"title", "body", "year", "venue", "a.b", "count", "lang"};
  private static final String[] STRINGS = {"'x'", "'it''s'".replace("''", "\\'"), "\"dq\"", "'a\\nb'", "'\\u00e9t\\u00e9'", "''", "'10.9999/%'"};
  private static final String[] SOUP = {"SELECT", "FROM", "WHERE", "OCTADS", "OCTAD", "AND", "OR", "NOT", "(", ")", "[", "]", ",", ".", "*", "=",
      "<>", "!=", "<=", "-[", "]->", "]-", "<-[", "{", "}", "..", "'s'", "\"t\"", "'unterminated", "$1", "$0", ":p", "1", "-2", "3.5", "1e9",
      "2025-01-01", "2025-02-30", "3f1c9a2e-5b7d-4e88-a0c4-19d2f6b7e531", "DOCUMENT", "VECTOR", "SIMILAR", "TO", "NEAREST", "WITHIN",
      "RADIUS", "PROOF", "EXISTENCE", "WITH", "LIMIT", "OFFSET", "CURSOR", "GROUP", "BY", "ORDER", "HAVING", "COUNT", "FEDERATION", "/*", "*/",
      "--", "\n", "/", "#", "é", "\u0000", "FULLTEXT", "MATCHES", "/a\\/b/i", "INSERT", "UPDATE", "SET", "DELETE", "EXPLAIN", "ANALYZE", "BEGIN",
      "SHOW", "DRIFT", ";", "h", "x", "AS", "OF", "VERSION", "BETWEEN", "IS", "NULL", "TRUE", "IN", "LIKE", "?", "|", "+", "\\", "'\\q'", "\uD83D\uDE00"};

  private final Random r;

  QueryGen(Random r) {
    this.r = r;
  }

  private <T> T pick(T[] options) {
    return options[r.nextInt(options.length)];
  }

  private boolean chance(int percent) {
    return r.nextInt(100) < percent;
  }

  String statement() {
    return switch (r.nextInt(12)) {
      case 0 -> "INSERT OCTAD " + (chance(50) ? id() + " " : "") + "WITH " + data() + (chance(50) ? ", " + data() : "") + proof() + returning();
      case 1 -> "UPDATE OCTAD " + id() + (chance(50) ? " SET DOCUMENT.title = " + pick(STRINGS) + ", SPATIAL.lat = 1.5" : " WITH " + data()) + proof();
      case 2 -> "DELETE HEXAD " + id() + proof() + returning();
      case 3 -> pick(new String[] {"BEGIN", "BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED", "commit work", "ROLLBACK", "SHOW STATS",
          "SHOW DRIFT ABOVE 0.5 LIMIT 3", "SHOW SLOW QUERIES", "NORMALIZE OCTAD 'd-1' USING STRATEGY merge", "SEARCH TEXT 'heat' LIMIT 2",
          "SEARCH VECTOR SIMILAR TO ENTITY 'a' WITHIN 0.5 USING cosine LIMIT 1"});
      case 4 -> "EXPLAIN " + (chance(50) ? "ANALYZE " : "") + select();
      default -> select();
    };
  }

  String select() {
    StringBuilder s = new StringBuilder("SELECT ").append(items()).append(" FROM ").append(source());
    if (chance(20)) {
      s.append(" AS OF ").append(chance(50) ? "2025-03-01T09:00:00.125+01:00" : "VERSION 3");
    }
    if (chance(80)) {
      s.append(" WHERE ").append(condition(0));
    }
    if (chance(15)) {
      s.append(" GROUP BY DOCUMENT.venue HAVING COUNT(*) > 2 OR FIELD count < 3");
    }
    s.append(proof());
    if (chance(30)) {
      s.append(" ORDER BY ").append(chance(50) ? "DOCUMENT.title ASC, id DESC" : "DRIFT(VECTOR, DOCUMENT) DESC");
    }
    if (chance(40)) {
      s.append(" LIMIT ").append(chance(80) ? String.valueOf(r.nextInt(200)) : "$1");
    }
    if (chance(20)) {
      s.append(chance(50) ? " OFFSET 20" : " CURSOR 'c-1'");
    }
    return s.toString();
  }

  private String items() {
    return switch (r.nextInt(7)) {
      case 0 -> "*";
      case 1 -> pick(MODS) + (chance(50) ? ".*" : "");
      case 2 -> "DOCUMENT(title, year), id";
      case 3 -> "COUNT(*) AS n, AVG(DOCUMENT.rating)";
      case 4 -> "DRIFT(VECTOR, DOCUMENT) AS vd, drift_score";
      case 5 -> "h.title, h.id, vector.similarity, SPATIAL.latitude";
      default -> "id, " + field();
    };
  }

  private String source() {
    return switch (r.nextInt(6)) {
      case 0 -> "OCTAD " + id();
      case 1 -> "STORE docs-eu-1";
      case 2 -> "FEDERATION /labs/*" + (chance(50) ? " WITH DRIFT latest" : "");
      case 3 -> "FEDERATION [reykjavik, 'tromso-2']";
      case 4 -> "hexads";
      default -> "OCTADS";
    };
  }

  private String id() {
    return pick(new String[] {"'station-0042'", "3F1C9A2E-5B7D-4E88-A0C4-19D2F6B7E531", "$2", ":id", "\"q:1\""});
  }

  private String field() {
    return switch (r.nextInt(6)) {
      case 0 -> "DOCUMENT." + pick(DOC_FIELDS);
      case 1 -> "FIELD " + pick(DOC_FIELDS).replace(".", "_");
      case 2 -> "TENSOR.statistics.mean";
      case 3 -> "TEMPORAL.modified";
      case 4 -> "PROVENANCE.action";
      default -> "GRAPH.out_degree";
    };
  }

  private String literal() {
    return switch (r.nextInt(9)) {
      case 0 -> pick(STRINGS);
      case 1 -> String.valueOf(r.nextInt(1000) - 500);
      case 2 -> String.valueOf(r.nextInt(10_000) / 100.0);
      case 3 -> "1.0E-7";
      case 4 -> chance(50) ? "TRUE" : "false";
      case 5 -> "2019-05-14";
      case 6 -> "[1, 2.5, 'x', [TRUE]]";
      case 7 -> "$" + (1 + r.nextInt(3));
      default -> "-9223372036854775808";
    };
  }

  String condition(int depth) {
    if (depth < 3 && chance(30)) {
      String op = chance(50) ? " AND " : " OR ";
      return condition(depth + 1) + op + condition(depth + 1);
    }
    if (depth < 3 && chance(10)) {
      return "NOT " + (chance(50) ? "(" + condition(depth + 1) + ")" : predicate());
    }
    if (depth < 3 && chance(10)) {
      return "(" + condition(depth + 1) + ")";
    }
    return predicate();
  }

  private String predicate() {
    return switch (r.nextInt(24)) {
      case 0 -> field() + " " + pick(new String[] {"=", "==", "<>", "!=", "<", "<=", ">", ">="}) + " " + literal();
      case 1 -> field() + (chance(50) ? " NOT" : "") + " LIKE " + pick(STRINGS);
      case 2 -> field() + " BETWEEN " + literal() + " AND " + literal();
      case 3 -> field() + " IN (" + literal() + ", " + literal() + ")";
      case 4 -> field() + " IS" + (chance(50) ? " NOT" : "") + " NULL";
      case 5 -> (chance(50) ? "FULLTEXT" : "DOCUMENT") + " CONTAINS " + pick(STRINGS);
      case 6 -> "FULLTEXT MATCHES " + pick(new String[] {"/\\bISO[- ]?27001\\b/mi", "/a\\/b/", "'^x'", ":re"});
      case 7 -> "(h)-[:CITES|:REFS*1..3]->(x) AND x.year > 2000";
      case 8 -> "(?p)<-[AUTHORED]-(q)-[*]-(r)-[+]->(s)-[{2,4}]->(t)-[*..2]->(u)-[*2..]->(v)-[*3]->(w)";
      case 9 -> pick(new String[] {"VECTOR", "VECTOR.embedding", "h.embedding"}) + " SIMILAR TO " + anchor() + (chance(50) ? " WITHIN 0.75" : "")
          + (chance(50) ? " USING euclidean" : "");
      case 10 -> "VECTOR NEAREST 8 TO " + anchor() + " USING DOT_PRODUCT";
      case 11 -> pick(new String[] {"TENSOR", "TENSOR.data"}) + " " + pick(new String[] {"SHAPE = [3, 224]", "RANK >= 2"});
      case 12 -> "SATISFIES ExportControl(region = EU, tier = 2, at = 2025-01-01, id = 3f1c9a2e-5b7d-4e88-a0c4-19d2f6b7e531, ok = true)";
      case 13 -> "HAS PROOF " + pick(new String[] {"INTEGRITY", "provenance", "Zkp"});
      case 14 -> "VERIFIED BY " + pick(new String[] {"audit-office-3", "'x y'", "$1", "WHERE"});
      case 15 -> (chance(50) ? "TEMPORAL " : "") + "BETWEEN '2025-01-01' AND 2025-06-30T23:59:59Z";
      case 16 -> "MODIFIED BY " + pick(new String[] {"ingest-bot", "alice", "'bob'"});
      case 17 -> (chance(50) ? "SPATIAL " : "") + "WITHIN RADIUS(59.9139, 10.7522, 25)";
      case 18 -> (chance(50) ? "SPATIAL " : "") + "WITHIN BOUNDS(-20.0, 170.0, -10.0, -175.0)";
      case 19 -> "WITHIN POLYGON('POLYGON((4 52, 5.5 52, 5.5 53, 4 53, 4 52))')";
      case 20 -> (chance(50) ? "SPATIAL " : "") + "NEAREST(35.6, 139.6, 5)";
      case 21 -> "CONSISTENT(GRAPH, SEMANTIC) USING jaccard" + (chance(50) ? " >= 0.5" : "");
      case 22 -> pick(MODS) + (chance(50) ? " NOT" : "") + " EXISTS";
      default -> "DRIFT(VECTOR, DOCUMENT) <= 0.15 AND drift_score > 0.5 AND score > 1";
    };
  }

  private String anchor() {
    return pick(new String[] {"[0.12, -0.4, 0.33, 0.08]", "$1", "OCTAD 'img-301'", "HEXAD 'a'", "ENTITY 'b'", "TEXT 'age verification'"});
  }

  private String data() {
    return pick(new String[] {"DOCUMENT(title = 'Tide', kind = 'station', installed = 2019-05-14)", "DOCUMENT()", "VECTOR([0.1, 0.2], model = 'm')",
        "GRAPH(PART_OF, 'network-7')", "GRAPH(SELECT, 3f1c9a2e-5b7d-4e88-a0c4-19d2f6b7e531)", "TENSOR([[1, 2], [3, 4]])", "TENSOR([[1], [2, 3]])",
        "TENSOR(shape = [2], data = [1, 2], dtype = 'i32')", "SEMANTIC(Sensor, 'Tide Gauge', owner = 'x', types = ['A'])", "TEMPORAL(2025-01-01)",
        "TEMPORAL(label = 'l')", "PROVENANCE(action = 'imported', actor = 'a')", "SPATIAL(latitude = 63.4, longitude = 10.4, altitude = 3)",
        "SPATIAL(wkt = 'POINT (10 63)')", "TENSOR($1)"});
  }

  private String proof() {
    if (!chance(30)) {
      return "";
    }
    List<String> specs = List.of("EXISTENCE(*)", "PROVENANCE('c-1') WITH min_length = 2", "FRESHNESS(*) WITH max_age = 'P1D'",
        "INTEGRITY(LedgerIntegrity)", "CITATION(entity-001) WITH relation = CITES, max_depth = 2", "ACCESS(*) WITH permission = DELETE",
        "ZKP(AgeOver18)", "SANCTIFY($1)");
    return " PROOF " + specs.get(r.nextInt(specs.size())) + (chance(50) ? " AND " + specs.get(r.nextInt(specs.size())) : "");
  }

  private String returning() {
    return chance(30) ? " RETURNING id, DOCUMENT.title, TEMPORAL.version" : "";
  }

  /** A random sequence of tokens and junk. */
  String soup() {
    StringBuilder s = new StringBuilder();
    int n = r.nextInt(40);
    for (int i = 0; i < n; i++) {
      s.append(pick(SOUP)).append(chance(80) ? " " : "");
    }
    return s.toString();
  }

  /** A valid statement with a few characters changed, inserted or removed. */
  String mutant() {
    StringBuilder s = new StringBuilder(statement());
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits && !s.isEmpty(); i++) {
      int at = r.nextInt(s.length());
      switch (r.nextInt(3)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, (char) (r.nextBoolean() ? 32 + r.nextInt(95) : r.nextInt(0x3000)));
        default -> s.setCharAt(at, (char) (32 + r.nextInt(95)));
      }
    }
    return s.toString();
  }
}
