package org.verisimdb.index.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.index.IndexSettings;
import org.verisimdb.index.lucene.IndexView;
import org.verisimdb.index.lucene.OctadIndex;

/** The vector format the codec writes, and indexes written with it read back by Lucene's own codec lookup. */
class VectorCodecTest {
  @Test
  void theVectorFieldGetsTheSettingsGraphParameters() {
    Codec plain = VectorCodec.of(IndexSettings.defaults().withHnsw(24, 50));
    assertThat(plain.getName()).isEqualTo(Codec.getDefault().getName());
    assertThat(format(plain)).contains("Lucene99HnswVectorsFormat", "maxConn=24", "beamWidth=50");
    Codec quantized = VectorCodec.of(IndexSettings.defaults().withHnsw(8, 40).withQuantized(true));
    assertThat(format(quantized)).contains("Lucene104HnswScalarQuantizedVectorsFormat", "maxConn=8", "beamWidth=40", "UNSIGNED_BYTE");
  }

  @Test
  void aQuantizedIndexOnDiskReopensAndSearchesExactly(@TempDir Path dir) {
    IndexSettings settings = IndexSettings.defaults().withDimension(16).withQuantized(true);
    float[][] vectors = VectorData.gaussian(new Random(3), 500, 16);
    try (OctadIndex index = OctadIndex.open(dir, settings)) {
      VectorData.load(index, vectors, 100);
      index.commit();
    }
    try (OctadIndex index = OctadIndex.open(dir, settings); IndexView view = index.view()) {
      assertThat(view.octads()).isEqualTo(500);
      for (LeafReaderContext leaf : view.searcher().getIndexReader().leaves()) {
        FieldInfo field = leaf.reader().getFieldInfos().fieldInfo(VectorFields.VECTOR);
        assertThat(field.getAttribute("PerFieldKnnVectorsFormat.format")).isEqualTo(org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat.NAME);
      }
      float[] anchor = vectors[17];
      VectorResult result = VectorSearch.on(view).withCandidates(50).nearest(anchor, 10, null, null, null);
      assertThat(result.strategy()).isEqualTo(VectorResult.Strategy.HNSW);
      // similarities come from the raw floats, not the int8 copies: the anchor's own is exactly 1
      assertThat(result.hits().getFirst()).isEqualTo(new VectorHit(VectorData.id(17), VectorMetric.COSINE.similarity(anchor, anchor)));
    }
  }

  @Test
  void dimensionsAboveLucenesDefaultLimitAreIndexed(@TempDir Path dir) {
    IndexSettings settings = IndexSettings.defaults().withDimension(2048);
    float[][] vectors = VectorData.gaussian(new Random(4), 150, 2048);
    try (OctadIndex index = OctadIndex.open(dir, settings)) {
      VectorData.load(index, vectors, 50);
      index.commit();
    }
    try (OctadIndex index = OctadIndex.open(dir, settings); IndexView view = index.view()) {
      VectorResult result = VectorSearch.on(view).withCandidates(10).nearest(vectors[3], 5, null, null, null);
      assertThat(result.strategy()).isEqualTo(VectorResult.Strategy.HNSW);
      assertThat(result.hits().getFirst().id()).isEqualTo(VectorData.id(3));
    }
  }

  private static String format(Codec codec) {
    return ((org.apache.lucene.codecs.lucene104.Lucene104Codec) codec).getKnnVectorsFormatForField(VectorFields.VECTOR).toString();
  }
}
