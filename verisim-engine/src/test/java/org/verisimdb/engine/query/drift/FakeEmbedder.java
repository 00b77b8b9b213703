package org.verisimdb.engine.query.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.verisimdb.index.embed.Embedder;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

/** An embedder that returns the vectors a test assigns to texts, counts its calls, and may be made to fail. */
final class FakeEmbedder implements Embedder {
  final Map<String, float[]> vectors = new ConcurrentHashMap<>();
  final AtomicInteger calls = new AtomicInteger();
  volatile boolean broken;

  FakeEmbedder with(String text, float... vector) {
    vectors.put(text, vector);
    return this;
  }

  @Override
  public String model() {
    return "fake-3";
  }

  @Override
  public int dimension() {
    return 3;
  }

  @Override
  public float[] embed(String text) {
    calls.incrementAndGet();
    if (broken) {
      throw new VeriSimException(ErrorCode.EMBEDDING_UNAVAILABLE, "the fake model is switched off");
    }
    float[] v = vectors.get(text);
    if (v == null) {
      throw new IllegalStateException("the test gave no vector for '" + text + "'");
    }
    return v.clone();
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>();
    texts.forEach(t -> out.add(embed(t)));
    return out;
  }

  @Override
  public void close() {}
}
