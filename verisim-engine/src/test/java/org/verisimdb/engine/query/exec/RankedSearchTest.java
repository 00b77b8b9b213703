package org.verisimdb.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.VqlSession;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.vql.ast.Value;

/**
 * The ranked access path (k-NN, BM25 top-k) asks its index once for one hit more than it needs
 * when nothing ties at the cut, and still returns the smallest ids among hits that tie with the
 * last one it keeps (VQL.md §5.7, §6.4).
 */
class RankedSearchTest {
  static Database db;

  @BeforeAll
  static void load() {
    db = VeriSimDB.openInMemory(DatabaseConfig.defaults().withBackend("memory").withAutoEmbedding(false).withVectorDimension(4));
    // v00..v59: distinct directions, similarity to [1, 0, 0, 0] falling with i.
    for (int i = 0; i < 60; i++) {
      double angle = i * 0.02;
      db.create(OctadInput.builder().id(String.format("v%02d", i)).with(DocumentFacet.of(Map.of("title", "vector " + i)))
          .with(VectorFacet.of(new double[] {Math.cos(angle), Math.sin(angle), 0, 0}, null)).build());
    }
    // t00..t29: the same text, so every one has the same BM25 score for 'kelp'; created in reverse id order.
    for (int i = 29; i >= 0; i--) {
      db.create(OctadInput.builder().id(String.format("t%02d", i)).with(DocumentFacet.of(Map.of("title", "kelp forests"))).build());
    }
    // q00..q14: the same vector, pointing away from all of v00..v59.
    for (int i = 14; i >= 0; i--) {
      db.create(OctadInput.builder().id(String.format("q%02d", i)).with(VectorFacet.of(new double[] {0, 0, 1, 0}, null)).build());
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static List<String> ids(String vql) {
    try (VqlSession s = db.vql(); Result r = s.execute(vql)) {
      List<String> out = new ArrayList<>();
      r.rows().forEachRemaining(row -> out.add(((Value.Str) row.get("id")).value()));
      return out;
    }
  }

  /** The actual rows of the first plan node with {@code operator} in an EXPLAIN ANALYZE of {@code vql}. */
  static long actualRows(String vql, String operator) {
    try (VqlSession s = db.vql(); Result r = s.execute("EXPLAIN ANALYZE " + vql)) {
      r.rows().forEachRemaining(row -> { });
      Value.Obj node = find((Value.Obj) r.explain().get("plan"), operator);
      assertThat(node).as("a %s node in the plan of %s", operator, vql).isNotNull();
      return ((Value.Int) node.get("actual_rows")).value();
    }
  }

  static Value.Obj find(Value.Obj node, String operator) {
    if (node.get("operator") instanceof Value.Str s && s.value().equals(operator)) {
      return node;
    }
    for (Value c : ((Value.Arr) node.get("children")).elements()) {
      Value.Obj found = find((Value.Obj) c, operator);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  @Test
  void nearestTenPassesOnlyTheTenBestOn() {
    String vql = "SELECT id, similarity FROM OCTADS WHERE VECTOR NEAREST 10 TO [1.0, 0.0, 0.0, 0.0]";
    assertThat(ids(vql)).containsExactly("v00", "v01", "v02", "v03", "v04", "v05", "v06", "v07", "v08", "v09");
    assertThat(actualRows(vql, "VectorSearch")).isEqualTo(10);
  }

  @Test
  void tiesAtTheCutStillYieldTheSmallestIds() {
    assertThat(ids("SELECT id FROM OCTADS WHERE VECTOR NEAREST 10 TO [0.0, 0.0, 1.0, 0.0]"))
        .containsExactly("q00", "q01", "q02", "q03", "q04", "q05", "q06", "q07", "q08", "q09");
    assertThat(ids("SEARCH TEXT 'kelp' LIMIT 10"))
        .containsExactly("t00", "t01", "t02", "t03", "t04", "t05", "t06", "t07", "t08", "t09");
    // The index ranks ties by the smaller id, as the page does: the first 11 hits (the page and
    // one more, to know another page follows) are the answer, however many ties follow.
    assertThat(actualRows("SEARCH TEXT 'kelp' LIMIT 10", "TextSearch")).isEqualTo(11);
  }
}
