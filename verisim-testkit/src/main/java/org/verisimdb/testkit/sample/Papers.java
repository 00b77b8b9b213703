package org.verisimdb.testkit.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.value.Value;
import org.verisimdb.testkit.sample.World.Aspect;
import org.verisimdb.testkit.sample.Words.Topic;

/**
 * Papers: written by 1–4 people, published by an organisation, citing only older papers, using
 * data sets, located where the first author is based. The body names every author and the
 * place. Tensor: citations received in each of the years 2021–2025. Stateless and thread-safe.
 */
final class Papers {
  /** The tensor covers these five years. */
  static final int FIRST_TENSOR_YEAR = 2021;
  static final int LAST_YEAR = 2025;

  private Papers() {}

  static Draft draft(World world, int paper) {
    SplittableRandom random = world.random(Kind.PAPER, paper, Aspect.OWN);
    int[] authors = world.paperAuthors(paper);
    Topic topic = world.paperTopic(paper);
    int place = world.paperPlace(paper);
    String title = world.paperTitle(paper);
    Instant published = world.paperPublished(paper);
    LocalDate date = Prose.date(published);
    int organisation = authors.length > 0 && random.nextInt(5) > 1
        ? world.personOrganisation(authors[0]) : world.pick(Kind.ORGANISATION, random);
    int[] datasets = world.pickDistinct(Kind.DATASET, random.nextInt(3), world.count(Kind.DATASET), -1, random);
    int[] cited = world.pickDistinct(Kind.PAPER, random.nextInt(6), paper, -1, random);
    String venue = Words.pick(Words.VENUES, random);
    boolean openAccess = random.nextInt(10) < 6;
    int[] perYear = citationsPerYear(date.getYear(), random);
    int citations = 0;
    for (int n : perYear) {
      citations += n;
    }
    List<String> terms = Prose.terms(topic, 3, random);
    String doi = "10.5555/verisim." + paper;

    Map<String, Object> document = new LinkedHashMap<>();
    document.put("title", title);
    document.put("body", body(world, authors, topic, place, datasets, cited.length, terms, venue, random));
    document.put("year", date.getYear());
    document.put("published", date.toString());
    document.put("venue", venue);
    document.put("citations", citations);
    document.put("open_access", openAccess);
    document.put("doi", doi);

    List<Edge> edges = new ArrayList<>();
    for (int author : authors) {
      edges.add(Edge.to("AUTHORED_BY", World.id(Kind.PERSON, author)));
    }
    if (organisation >= 0) {
      edges.add(Edge.to("PUBLISHED_BY", World.id(Kind.ORGANISATION, organisation)));
    }
    for (int dataset : datasets) {
      edges.add(Edge.to("USES", World.id(Kind.DATASET, dataset)));
    }
    for (int older : cited) {
      edges.add(Edge.to("CITES", World.id(Kind.PAPER, older)));
    }
    edges.add(Edge.to("LOCATED_IN", World.id(Kind.PLACE, place)));
    if (random.nextBoolean()) {
      edges.add(Edge.literal("KEYWORD", Value.of(terms.getFirst())));
    }

    Map<String, Value> properties = new LinkedHashMap<>();
    properties.put("name", new Value.LangStr(title, "en"));
    properties.put("datePublished", new Value.Typed(date.toString(), Draft.XSD_DATE));
    properties.put("citationCount", Value.of(citations));
    properties.put("isAccessibleForFree", Value.of(openAccess));
    properties.put("identifier", Value.of("https://doi.org/" + doi));
    properties.put("about", Value.of(topic.name()));
    properties.put("keywords", new Value.Seq(terms.stream().<Value>map(Value::of).toList()));
    properties.put("contentLocation", new Value.Ref(World.id(Kind.PLACE, place)));
    if (authors.length > 0) {
      properties.put("author", new Value.Ref(World.id(Kind.PERSON, authors[0])));
    }
    if (organisation >= 0) {
      properties.put("publisher", new Value.Ref(World.id(Kind.ORGANISATION, organisation)));
    }

    int[] lastFive = new int[LAST_YEAR - FIRST_TENSOR_YEAR + 1];
    for (int year = FIRST_TENSOR_YEAR; year <= LAST_YEAR; year++) {
      lastFive[year - FIRST_TENSOR_YEAR] = perYear[year - World.START_YEAR];
    }
    return new Draft(document, edges, List.of(Kind.PAPER.schemaType()), properties,
        TensorFacet.ofInts(new int[] {lastFive.length}, lastFive), Locations.near(world, place, random), published);
  }

  /** Citations in each year from 2015 to 2025: none before publication, then rising with age. */
  private static int[] citationsPerYear(int publishedYear, SplittableRandom random) {
    int[] perYear = new int[LAST_YEAR - World.START_YEAR + 1];
    double rate = 0.5 + random.nextDouble() * 6;
    for (int year = publishedYear; year <= LAST_YEAR; year++) {
      double expected = rate * Math.min(4, year - publishedYear + 0.5);
      perYear[year - World.START_YEAR] = (int) Math.round(expected * (0.5 + random.nextDouble()));
    }
    return perYear;
  }

  private static String body(World world, int[] authors, Topic topic, int place, int[] datasets, int citedCount,
      List<String> terms, String venue, SplittableRandom random) {
    List<String> names = new ArrayList<>();
    for (int author : authors) {
      names.add(world.personName(author));
    }
    StringBuilder body = new StringBuilder();
    String study = Prose.article(Words.pick(Words.ADJECTIVES, random)) + " study of " + topic.name();
    int months = 3 + random.nextInt(34);
    String fieldwork = " based on " + months + " months of fieldwork in " + World.placeName(place) + ".";
    if (names.isEmpty()) {
      body.append("This paper presents ").append(study).append(fieldwork);
    } else {
      body.append(Prose.list(names)).append(names.size() == 1 ? " presents " : " present ").append(study).append(fieldwork);
    }
    body.append(" Using ").append(Words.pick(Words.METHODS, random)).append(", the study shows that ")
        .append(terms.get(0)).append(" and ").append(terms.get(1)).append(' ').append(Words.pick(Words.LINKS, random)).append('.');
    if (datasets.length > 0) {
      List<String> sets = new ArrayList<>();
      for (int dataset : datasets) {
        sets.add(world.datasetName(dataset));
      }
      body.append(" The analysis draws on the ").append(Prose.list(sets)).append(datasets.length == 1 ? " data set." : " data sets.");
    }
    if (citedCount > 0) {
      body.append(" It builds on ").append(citedCount == 1 ? "one earlier paper" : citedCount + " earlier papers")
          .append(" on ").append(terms.get(2)).append(" and appears in ").append(venue).append('.');
    } else {
      body.append(" It is one of the first studies of ").append(terms.get(2)).append(" in the region and appears in ")
          .append(venue).append('.');
    }
    return body.toString();
  }
}
