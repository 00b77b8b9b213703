package org.verisimdb.index.vector;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/** Which graph candidates are re-scored exactly when Lucene's scores follow the metric. */
class GraphSearchTest {
  @Test
  void contendersAreTheBestKeepAndThoseWithinTheMarginOfTheLast() {
    ScoreDoc[] ranked = docs(0.9f, 0.8f, 0.7995f, 0.79f, 0.5f);
    assertThat(GraphSearch.contenders(ranked, -1, 2)).isEqualTo(3);   // 0.7995 is within 0.1% of 0.8
    assertThat(GraphSearch.contenders(ranked, -1, 1)).isEqualTo(1);
    assertThat(GraphSearch.contenders(ranked, -1, 4)).isEqualTo(4);
    // the skipped document does not count towards keep (the caller leaves it out)
    assertThat(GraphSearch.contenders(ranked, 0, 2)).isEqualTo(3);
    assertThat(GraphSearch.contenders(ranked, 1, 3)).isEqualTo(4);
    // fewer candidates than keep: all of them
    assertThat(GraphSearch.contenders(ranked, -1, 9)).isEqualTo(5);
    assertThat(GraphSearch.contenders(docs(), -1, 3)).isZero();
  }

  @Test
  void equalScoresAreAllContenders() {
    assertThat(GraphSearch.contenders(docs(0.7f, 0.7f, 0.7f, 0.7f, 0.1f), -1, 1)).isEqualTo(4);
  }

  private static ScoreDoc[] docs(float... scores) {
    ScoreDoc[] out = new ScoreDoc[scores.length];
    for (int i = 0; i < scores.length; i++) {
      out[i] = new ScoreDoc(i, scores[i]);
    }
    return out;
  }
}
