package org.verisimdb.engine.query.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verisimdb.engine.query.drift.TestOctads.octad;
import static org.verisimdb.engine.query.drift.TestOctads.text;

import org.junit.jupiter.api.Test;
import org.verisimdb.engine.write.Embedders;
import org.verisimdb.index.embed.Embedder;
import org.verisimdb.index.embed.EmbeddingText;
import org.verisimdb.model.Modality;
import org.verisimdb.model.facet.VectorFacet;

/** The drift measure with the real model: a vector made from the text does not drift; one made from other text does. */
class MiniLmDriftTest {
  @Test
  void aVectorOfItsOwnTextAgreesAndAVectorOfUnrelatedTextDrifts() {
    Embedder model = Embedders.shared();
    EmbeddingDrift drift = new EmbeddingDrift(model, EmbeddingText.defaults());
    String cat = "The cat sat on the mat and purred.";
    String markets = "Stock markets fell sharply after the central bank raised interest rates.";
    VectorFacet ofCat = model.facet(cat);

    double own = drift.pair(octad("cat", ofCat, text(cat)), Modality.VECTOR, Modality.DOCUMENT);
    double other = drift.pair(octad("markets", ofCat, text(markets)), Modality.VECTOR, Modality.DOCUMENT);

    assertThat(own).isLessThan(1e-4);
    assertThat(other).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
    assertThat(drift.algorithm(Modality.VECTOR, Modality.DOCUMENT)).isEqualTo("cosine-distance/all-minilm-l6-v2-q/1");
    assertThat(new Consistency(drift).score(octad("cat", ofCat, text(cat)), Modality.DOCUMENT, Modality.VECTOR, "COSINE"))
        .isGreaterThan(0.9999);
  }
}
