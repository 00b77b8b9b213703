package org.verisimdb.engine.write;

import org.verisimdb.index.embed.Embedder;
import org.verisimdb.index.embed.MiniLmEmbedder;

/**
 * The embedding model of this process: one instance shared by every open database, since the
 * model is the same for all, takes a moment and about 100 MB to load, and is thread-safe. It
 * loads on first use.
 */
public final class Embedders {
  private static final Embedder SHARED = new MiniLmEmbedder();

  private Embedders() {}

  public static Embedder shared() {
    return SHARED;
  }
}
