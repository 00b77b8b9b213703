package org.verisimdb.testkit.sample;

import java.time.Instant;
import java.util.SplittableRandom;
import org.verisimdb.model.OctadId;
import org.verisimdb.testkit.sample.Cities.City;
import org.verisimdb.testkit.sample.Words.Topic;

/**
 * What every entity of a sample set is, independent of which octad asks: names, topics,
 * affiliations and locations, each a pure function of (seed, size, kind, ordinal). An octad that
 * mentions another entity (a paper naming its authors, a person's home place) calls the same
 * function the other entity's own octad calls, so the two always agree. Each such fact draws
 * from its own random stream ({@link Aspect}); an octad's free choices draw from
 * {@link Aspect#OWN}, which no other octad reads. Immutable and thread-safe.
 */
final class World {
  /** Independent random streams per entity. The salts are fixed: changing one changes the data. */
  enum Aspect {
    OWN(0x6f776e),
    NAME(0x6e616d65),
    AFFILIATION(0x61666621),
    TOPIC(0x746f7069),
    LOCATION(0x6c6f6361),
    TIME(0x74696d65),
    PROVENANCE(0x70726f76);

    final long salt;

    Aspect(long salt) {
      this.salt = salt;
    }
  }

  /** Sample data is valid from 2015 up to the start of 2026. */
  static final Instant START = Instant.parse("2015-01-01T00:00:00Z");
  static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
  static final int START_YEAR = 2015;

  private static final long GOLDEN = 0x9e3779b97f4a7c15L;

  private final long seed;
  private final int size;
  private final int[] counts = new int[Kind.values().length];

  World(long seed, int size) {
    this.seed = seed;
    this.size = size;
    for (Kind kind : Kind.values()) {
      counts[kind.ordinal()] = Layout.count(kind, size);
    }
  }

  long seed() {
    return seed;
  }

  int size() {
    return size;
  }

  int count(Kind kind) {
    return counts[kind.ordinal()];
  }

  static OctadId id(Kind kind, int ordinal) {
    StringBuilder text = new StringBuilder(kind.idPrefix()).append('-');
    String digits = Integer.toString(ordinal);
    text.repeat('0', Math.max(0, 7 - digits.length())).append(digits);
    return OctadId.of(text.toString());
  }

  /** The random stream of one aspect of the entity at {@code index}: SplitMix64 over seed, index and salt. */
  SplittableRandom random(int index, Aspect aspect) {
    return new SplittableRandom(mix(mix(seed + GOLDEN * (index + 1L)) ^ aspect.salt * GOLDEN));
  }

  SplittableRandom random(Kind kind, int ordinal, Aspect aspect) {
    return random(Layout.indexOf(kind, ordinal), aspect);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A uniformly chosen member of {@code kind}, or -1 when the set has none. */
  int pick(Kind kind, SplittableRandom random) {
    int n = count(kind);
    return n == 0 ? -1 : random.nextInt(n);
  }

  /**
   * Up to {@code want} distinct members of {@code kind} below {@code limit}, other than
   * {@code exclude} (-1 for none): fewer when there are not enough.
   */
  int[] pickDistinct(Kind kind, int want, int limit, int exclude, SplittableRandom random) {
    int available = Math.min(limit, count(kind)) - (exclude >= 0 && exclude < limit ? 1 : 0);
    int[] chosen = new int[Math.max(0, Math.min(want, available))];
    for (int n = 0; n < chosen.length; ) {
      int candidate = random.nextInt(Math.min(limit, count(kind)));
      boolean fresh = candidate != exclude;
      for (int i = 0; i < n && fresh; i++) {
        fresh = chosen[i] != candidate;
      }
      if (fresh) {
        chosen[n++] = candidate;
      }
    }
    return chosen;
  }

  /** A place, favouring the real cities over the extra sites of a large set. */
  int pickPlace(SplittableRandom random) {
    int n = count(Kind.PLACE);
    if (n == 0) {
      return -1;
    }
    return random.nextInt(10) < 7 ? random.nextInt(Math.min(n, Cities.size())) : random.nextInt(n);
  }

  /** A uniformly chosen instant in [START, END), whole seconds. */
  static Instant instant(SplittableRandom random) {
    return START.plusSeconds(random.nextLong(END.getEpochSecond() - START.getEpochSecond()));
  }

  // ---- places

  static City city(int place) {
    return Cities.get(place % Cities.size());
  }

  /** A city's own name for the first place of each city, then "Bergen — site 3" for the others. */
  static String placeName(int place) {
    int site = place / Cities.size();
    return site == 0 ? city(place).name() : city(place).name() + " — site " + site;
  }

  /** The point a place stands at: the city centre, or up to 5 km from it for an extra site. */
  double[] placePoint(int place) {
    City city = city(place);
    if (place < Cities.size()) {
      return new double[] {city.lat(), city.lon()};
    }
    return Locations.jitter(city.lat(), city.lon(), 5, random(Kind.PLACE, place, Aspect.LOCATION));
  }

  // ---- people

  String givenName(int person) {
    return Words.pick(Words.GIVEN_NAMES, random(Kind.PERSON, person, Aspect.NAME));
  }

  String familyName(int person) {
    SplittableRandom random = random(Kind.PERSON, person, Aspect.NAME);
    random.nextInt(); // the given name's draw
    return Words.pick(Words.FAMILY_NAMES, random);
  }

  String personName(int person) {
    return givenName(person) + " " + familyName(person);
  }

  /** The organisation a person is a member of, or -1. */
  int personOrganisation(int person) {
    return pick(Kind.ORGANISATION, random(Kind.PERSON, person, Aspect.AFFILIATION));
  }

  /** Where a person is based: mostly where their organisation is, sometimes elsewhere. */
  int personPlace(int person) {
    int organisation = personOrganisation(person);
    SplittableRandom random = random(Kind.PERSON, person, Aspect.LOCATION);
    return organisation >= 0 && random.nextInt(5) > 0 ? organisationPlace(organisation) : pickPlace(random);
  }

  Topic personTopic(int person) {
    return Words.pick(Words.TOPICS, random(Kind.PERSON, person, Aspect.TOPIC));
  }

  // ---- organisations

  int organisationPlace(int organisation) {
    return pickPlace(random(Kind.ORGANISATION, organisation, Aspect.LOCATION));
  }

  Topic organisationTopic(int organisation) {
    return Words.pick(Words.TOPICS, random(Kind.ORGANISATION, organisation, Aspect.TOPIC));
  }

  /** Which of {@link Words#ORG_FORMS} names the organisation; form 0 is a university. */
  int organisationForm(int organisation) {
    return random(Kind.ORGANISATION, organisation, Aspect.NAME).nextInt(Words.ORG_FORMS.size());
  }

  String organisationName(int organisation) {
    return Words.ORG_FORMS.get(organisationForm(organisation))
        .formatted(city(organisationPlace(organisation)).name(), organisationTopic(organisation).title());
  }

  // ---- papers

  int[] paperAuthors(int paper) {
    SplittableRandom random = random(Kind.PAPER, paper, Aspect.AFFILIATION);
    return pickDistinct(Kind.PERSON, 1 + random.nextInt(4), count(Kind.PERSON), -1, random);
  }

  /** Papers are written where their first author is based. */
  int paperPlace(int paper) {
    int[] authors = paperAuthors(paper);
    return authors.length > 0 ? personPlace(authors[0]) : pickPlace(random(Kind.PAPER, paper, Aspect.LOCATION));
  }

  /** Mostly the first author's topic. */
  Topic paperTopic(int paper) {
    int[] authors = paperAuthors(paper);
    SplittableRandom random = random(Kind.PAPER, paper, Aspect.TOPIC);
    return authors.length > 0 && random.nextInt(4) > 0 ? personTopic(authors[0]) : Words.pick(Words.TOPICS, random);
  }

  String paperTitle(int paper) {
    SplittableRandom random = random(Kind.PAPER, paper, Aspect.NAME);
    String title = Words.pick(Words.TITLE_OPENINGS, random) + " " + paperTopic(paper).name();
    return random.nextBoolean() ? title + " near " + city(paperPlace(paper)).name() : title;
  }

  /**
   * When a paper appeared. Publication dates rise with the ordinal, so a paper that cites only
   * lower ordinals cites only older work.
   */
  Instant paperPublished(int paper) {
    long span = END.getEpochSecond() - START.getEpochSecond();
    int papers = Math.max(1, count(Kind.PAPER));
    long step = span / papers;
    long jitter = step > 1 ? random(Kind.PAPER, paper, Aspect.TIME).nextLong(step) : 0;
    return START.plusSeconds(span * paper / papers + jitter);
  }

  /** A bound below which every paper ordinal appeared before {@code instant}. */
  int papersBefore(Instant instant) {
    long span = END.getEpochSecond() - START.getEpochSecond();
    long elapsed = Math.max(0, Math.min(span, instant.getEpochSecond() - START.getEpochSecond()));
    // Paper k appears before START + span·(k+1)/papers, so every k with span·(k+1) <= elapsed·papers is older.
    return (int) Math.min(count(Kind.PAPER), elapsed * count(Kind.PAPER) / span);
  }

  // ---- data sets

  int datasetOrganisation(int dataset) {
    return pick(Kind.ORGANISATION, random(Kind.DATASET, dataset, Aspect.AFFILIATION));
  }

  /** Data sets are kept where the organisation that made them is. */
  int datasetPlace(int dataset) {
    int organisation = datasetOrganisation(dataset);
    return organisation >= 0 ? organisationPlace(organisation) : pickPlace(random(Kind.DATASET, dataset, Aspect.LOCATION));
  }

  Topic datasetTopic(int dataset) {
    return Words.pick(Words.TOPICS, random(Kind.DATASET, dataset, Aspect.TOPIC));
  }

  String datasetName(int dataset) {
    SplittableRandom random = random(Kind.DATASET, dataset, Aspect.NAME);
    return datasetTopic(dataset).title() + " " + Words.pick(Words.DATASET_NOUNS, random) + " from "
        + city(datasetPlace(dataset)).name();
  }
}
