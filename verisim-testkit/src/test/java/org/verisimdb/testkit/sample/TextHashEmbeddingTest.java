package org.verisimdb.testkit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextHashEmbeddingTest {
  private static final int D = 384;

  @Test
  void embeddingsHaveUnitLengthAndFiniteElements() {
    for (String text : new String[] {"Bergen", "glacier dynamics near Bergen", "Ten years of sea ice. Pack ice thins!", "x y z 1 2 3"}) {
      float[] v = TextHashEmbedding.embed(text, D);
      assertThat(v).hasSize(D);
      for (float f : v) {
        assertThat(Float.isFinite(f)).as("element of embed(%s)", text).isTrue();
      }
      assertThat(norm(v)).as("norm of embed(%s)", text).isCloseTo(1.0, within(1e-5));
    }
  }

  @Test
  void sameTextGivesTheSameVector() {
    String text = "Long-term monitoring of coastal erosion near Auckland";
    assertThat(TextHashEmbedding.embed(text, D)).containsExactly(TextHashEmbedding.embed(new String(text.toCharArray()), D));
  }

  @Test
  void caseAndPunctuationDoNotMatter() {
    assertThat(TextHashEmbedding.embed("Glacier, DYNAMICS!", D)).containsExactly(TextHashEmbedding.embed("glacier dynamics", D));
  }

  @Test
  void textsSharingMostWordsAreMoreSimilarThanUnrelatedTexts() {
    float[] a = TextHashEmbedding.embed("A comparative study of glacier dynamics near Bergen based on meltwater and calving", D);
    float[] b = TextHashEmbedding.embed("A comparative study of glacier dynamics near Tromsø based on meltwater and albedo", D);
    float[] c = TextHashEmbedding.embed("Vaccine uptake in rural clinics: household surveys on hesitancy and outreach", D);
    double related = cosine(a, b);
    double unrelated = cosine(a, c);
    assertThat(related).isGreaterThan(0.6);
    assertThat(related).isGreaterThan(unrelated + 0.4);
  }

  @Test
  void textWithoutTokensGetsTheFixedUnitVector() {
    float expected = (float) (1 / Math.sqrt(D));
    for (String text : new String[] {"", "   ", "!?—…", "\n\t"}) {
      float[] v = TextHashEmbedding.embed(text, D);
      assertThat(norm(v)).isCloseTo(1.0, within(1e-5));
      for (float f : v) {
        assertThat(f).as("element of embed(%s)", text).isEqualTo(expected);
      }
    }
  }

  @Test
  void anyDimensionWorksAndBadArgumentsAreRejected() {
    assertThat(TextHashEmbedding.embed("one", 1)[0]).isIn(1f, -1f);
    assertThat(TextHashEmbedding.embed("one two three", 7)).hasSize(7);
    assertThatThrownBy(() -> TextHashEmbedding.embed("text", 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    assertThatThrownBy(() -> TextHashEmbedding.embed(null, D)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tokensAreLowerCaseRunsOfLettersAndDigits() {
    assertThat(TextHashEmbedding.tokens("Reykjavík — site 3, Nuku'alofa (2024)!"))
        .containsExactly("reykjavík", "site", "3", "nuku", "alofa", "2024");
    assertThat(TextHashEmbedding.tokens("")).isEmpty();
  }

  @Test
  void hashIsStandardFnv1a64() {
    // Test vectors from the FNV reference (http://www.isthe.com/chongo/tech/comp/fnv/).
    assertThat(TextHashEmbedding.fnv1a(new byte[0])).isEqualTo(0xcbf29ce484222325L);
    assertThat(TextHashEmbedding.fnv1a("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xaf63dc4c8601ec8cL);
    assertThat(TextHashEmbedding.fnv1a("foobar".getBytes(StandardCharsets.UTF_8))).isEqualTo(0x85944171f73967e8L);
  }

  @Test
  void modelNameCarriesTheDimension() {
    assertThat(TextHashEmbedding.modelName(384)).isEqualTo("verisim-text-hash-384");
    assertThat(SampleGenerator.embeddingModel()).isEqualTo("verisim-text-hash-384");
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
    }
    return dot / (norm(a) * norm(b));
  }

  static double norm(float[] v) {
    double sum = 0;
    for (float f : v) {
      sum += (double) f * f;
    }
    return Math.sqrt(sum);
  }
}
