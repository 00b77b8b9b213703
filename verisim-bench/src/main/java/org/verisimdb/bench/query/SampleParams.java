package org.verisimdb.bench.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.verisimdb.model.Modality;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.SpatialFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.testkit.sample.Kind;
import org.verisimdb.testkit.sample.SampleGenerator;

/**
 * Query parameters drawn from the sample set the database holds, so every query asks about
 * something that is there: ids of existing octads, words that occur in one octad's text, the
 * coordinates of the sample's cities, the vectors and positions of existing octads. Everything
 * comes from the generator (octad {@code i} is a pure function of seed, size and i), not from
 * the database, so drawing a parameter never touches what is measured. Not thread-safe: the
 * random stream is shared.
 */
final class SampleParams {
  /** Words shorter than this are left out of text queries: they are mostly "in", "the", "and". */
  static final int MIN_WORD = 4;

  private final SampleGenerator generator;
  private final SplittableRandom random;
  private final List<double[]> cities;

  SampleParams(SampleGenerator generator, long seed) {
    this.generator = generator;
    this.random = new SplittableRandom(seed);
    this.cities = cities(generator);
    if (cities.isEmpty()) {
      throw new IllegalArgumentException("the sample set of " + generator.size() + " octads has no place; use at least 20 octads");
    }
  }

  /** The id of a random octad. */
  String anyId() {
    return generator.idOf(random.nextInt(generator.size())).value();
  }

  /** The id of a random octad of {@code kind}. */
  String idOf(Kind kind) {
    int count = generator.count(kind);
    if (count == 0) {
      throw new IllegalArgumentException("the sample set of " + generator.size() + " octads has no " + kind.idPrefix());
    }
    return generator.idOf(generator.indexOf(kind, random.nextInt(count))).value();
  }

  /** One word (half the time) or two different words that occur together in a random octad's title and body. */
  String words() {
    return words(octad(), 1 + random.nextInt(2));
  }

  /** The centre of a random city of the sample set: {lat, lon}. */
  double[] city() {
    return cities.get(random.nextInt(cities.size()));
  }

  /** The embedding of a random octad, as the list of doubles a client binds to a parameter. */
  List<Double> vector() {
    VectorFacet v = (VectorFacet) octad().facets().get(Modality.VECTOR);
    float[] e = v.embedding();
    List<Double> out = new ArrayList<>(e.length);
    for (float f : e) {
      out.add((double) f);
    }
    return out;
  }

  /**
   * A word of a random octad and that octad's position: {word, lat, lon}. A query for the word
   * near that position finds at least the octad itself.
   */
  List<Object> wordAndPlace() {
    OctadInput o = octad();
    SpatialFacet s = (SpatialFacet) o.facets().get(Modality.SPATIAL);
    return List.of(words(o, 1), s.lat(), s.lon());
  }

  private OctadInput octad() {
    return generator.octad(random.nextInt(generator.size()));
  }

  private String words(OctadInput octad, int want) {
    DocumentFacet d = (DocumentFacet) octad.facets().get(Modality.DOCUMENT);
    List<String> words = words(d.title() + " " + d.body());
    if (words.isEmpty()) {
      throw new IllegalStateException("octad " + octad.id() + " has no word of " + MIN_WORD + " letters or more");
    }
    String first = words.get(random.nextInt(words.size()));
    if (want == 1 || words.size() == 1) {
      return first;
    }
    String second;
    do {
      second = words.get(random.nextInt(words.size()));
    } while (second.equals(first) && words.stream().anyMatch(w -> !w.equals(first)));
    return second.equals(first) ? first : first + " " + second;
  }

  /**
   * The terms of {@code text} as the full-text index splits it (runs of letters and digits,
   * lower-cased) that are all letters and at least {@link #MIN_WORD} long.
   */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String term : text.split("[^\\p{L}\\p{Nd}]+")) {
      if (term.length() >= MIN_WORD && term.chars().allMatch(Character::isLetter)) {
        out.add(term.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  /** The centres of the sample's cities: the places that come first, before the field sites around them. */
  private static List<double[]> cities(SampleGenerator generator) {
    List<double[]> out = new ArrayList<>();
    for (int p = 0; p < generator.count(Kind.PLACE); p++) {
      OctadInput place = generator.octad(generator.indexOf(Kind.PLACE, p));
      DocumentFacet d = (DocumentFacet) place.facets().get(Modality.DOCUMENT);
      if (d.title().contains(" site ")) {
        break;
      }
      SpatialFacet s = (SpatialFacet) place.facets().get(Modality.SPATIAL);
      out.add(new double[] {s.lat(), s.lon()});
    }
    return List.copyOf(out);
  }
}
