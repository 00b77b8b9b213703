package org.verisimdb.testkit.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.value.Value;
import org.verisimdb.testkit.sample.Cities.City;
import org.verisimdb.testkit.sample.World.Aspect;
import org.verisimdb.testkit.sample.Words.Topic;

/**
 * Organisations: universities and research institutes named after their city and topic,
 * located in one place. Tensor: headcount at the end of each year 2020–2025. Stateless and
 * thread-safe.
 */
final class Organisations {
  static final int FIRST_HEADCOUNT_YEAR = 2020;

  private Organisations() {}

  static Draft draft(World world, int organisation) {
    SplittableRandom random = world.random(Kind.ORGANISATION, organisation, Aspect.OWN);
    String name = world.organisationName(organisation);
    int place = world.organisationPlace(organisation);
    City city = World.city(place);
    Topic topic = world.organisationTopic(organisation);
    boolean university = world.organisationForm(organisation) == 0;
    int founded = university ? 1450 + random.nextInt(540) : 1900 + random.nextInt(116);
    long[] headcount = headcount(university, random);
    long latest = headcount[headcount.length - 1];
    long change = Math.round(100.0 * (latest - headcount[0]) / headcount[0]);
    List<String> terms = Prose.terms(topic, 2, random);

    String body = name + " is " + (university ? "a university" : "a research organisation") + " founded in " + founded
        + " and located in " + World.placeName(place) + ", " + city.country() + ". "
        + "Its " + Prose.number(latest) + " staff work on " + topic.name() + ", with groups studying "
        + terms.get(0) + " and " + terms.get(1) + ". "
        + (change == 0 ? "Its headcount has been stable since " + FIRST_HEADCOUNT_YEAR + "."
            : "Since " + FIRST_HEADCOUNT_YEAR + " its headcount has " + (change > 0 ? "grown" : "shrunk") + " by "
                + Math.abs(change) + "%.");

    Map<String, Object> document = new LinkedHashMap<>();
    document.put("title", name);
    document.put("body", body);
    document.put("country", city.country());
    document.put("founded", founded);
    document.put("headcount", latest);
    document.put("kind", university ? "university" : "institute");

    List<Edge> edges = new ArrayList<>();
    edges.add(Edge.to("LOCATED_IN", World.id(Kind.PLACE, place)));
    if (random.nextInt(3) == 0) {
      edges.add(Edge.literal("KEYWORD", Value.of(topic.name())));
    }

    Map<String, Value> properties = new LinkedHashMap<>();
    properties.put("name", new Value.LangStr(name, "en"));
    properties.put("foundingDate", new Value.Typed(Integer.toString(founded), Draft.XSD_GYEAR));
    properties.put("numberOfEmployees", Value.of(latest));
    properties.put("addressCountry", Value.of(city.country()));
    properties.put("location", new Value.Ref(World.id(Kind.PLACE, place)));
    properties.put("knowsAbout", new Value.Seq(List.of(Value.of(topic.name()), Value.of(terms.get(0)), Value.of(terms.get(1)))));
    String extraType = university ? "https://schema.org/CollegeOrUniversity" : "https://schema.org/ResearchOrganization";
    return new Draft(document, edges, List.of(Kind.ORGANISATION.schemaType(), extraType), properties,
        TensorFacet.ofLongs(new int[] {headcount.length}, headcount), Locations.near(world, place, random),
        World.instant(random));
  }

  /** Six year-end headcounts, each within -5% to +10% of the year before. */
  private static long[] headcount(boolean university, SplittableRandom random) {
    long[] counts = new long[6];
    counts[0] = university ? 2_000 + random.nextInt(18_000) : 40 + random.nextInt(1_500);
    for (int i = 1; i < counts.length; i++) {
      counts[i] = Math.max(1, Math.round(counts[i - 1] * (0.95 + 0.15 * random.nextDouble())));
    }
    return counts;
  }
}
