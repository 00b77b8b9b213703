package org.verisimdb.testkit.sample;

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
 * People: members of an organisation, based in a place (usually their organisation's), knowing
 * up to three others. Tensor: the share of time spent on research, teaching and service in each
 * of the years 2022–2025 (each row sums to 1). Stateless and thread-safe.
 */
final class People {
  private People() {}

  static Draft draft(World world, int person) {
    SplittableRandom random = world.random(Kind.PERSON, person, Aspect.OWN);
    String given = world.givenName(person);
    String family = world.familyName(person);
    String name = given + " " + family;
    int organisation = world.personOrganisation(person);
    int place = world.personPlace(person);
    Topic topic = world.personTopic(person);
    String role = Words.pick(Words.ROLES, random);
    int[] knows = world.pickDistinct(Kind.PERSON, random.nextInt(4), world.count(Kind.PERSON), person, random);
    String orcid = orcid(random);
    int hIndex = Words.ROLES.indexOf(role) * 4 + random.nextInt(12);
    List<String> terms = Prose.terms(topic, 3, random);

    StringBuilder body = new StringBuilder(name).append(" is ").append(Prose.article(role));
    if (organisation >= 0) {
      body.append(" at ").append(world.organisationName(organisation)).append(", based in ");
    } else {
      body.append(" based in ");
    }
    body.append(World.placeName(place)).append(". ")
        .append(given).append("'s research focuses on ").append(topic.name()).append(", in particular on ")
        .append(terms.get(0)).append(" and ").append(terms.get(1)).append(". ")
        .append(given).append(" has written about ").append(terms.get(2)).append(" and reviews for ")
        .append(Words.pick(Words.VENUES, random)).append('.');
    if (knows.length > 0) {
      List<String> colleagues = new ArrayList<>();
      for (int other : knows) {
        colleagues.add(world.personName(other));
      }
      body.append(" Frequent collaborators include ").append(Prose.list(colleagues)).append('.');
    }

    Map<String, Object> document = new LinkedHashMap<>();
    document.put("title", name);
    document.put("body", body.toString());
    document.put("given_name", given);
    document.put("family_name", family);
    document.put("orcid", orcid);
    document.put("role", role);
    document.put("h_index", hIndex);

    List<Edge> edges = new ArrayList<>();
    if (organisation >= 0) {
      edges.add(Edge.to("MEMBER_OF", World.id(Kind.ORGANISATION, organisation)));
    }
    edges.add(Edge.to("BASED_IN", World.id(Kind.PLACE, place)));
    for (int other : knows) {
      edges.add(Edge.to("KNOWS", World.id(Kind.PERSON, other)));
    }

    Map<String, Value> properties = new LinkedHashMap<>();
    properties.put("name", Value.of(name));
    properties.put("givenName", Value.of(given));
    properties.put("familyName", Value.of(family));
    properties.put("jobTitle", new Value.LangStr(role, "en"));
    properties.put("identifier", Value.of("https://orcid.org/" + orcid));
    properties.put("knowsAbout", new Value.Seq(List.of(Value.of(topic.name()), Value.of(terms.get(0)), Value.of(terms.get(1)))));
    properties.put("homeLocation", new Value.Ref(World.id(Kind.PLACE, place)));
    if (organisation >= 0) {
      properties.put("affiliation", new Value.Ref(World.id(Kind.ORGANISATION, organisation)));
    }
    return new Draft(document, edges, List.of(Kind.PERSON.schemaType()), properties,
        TensorFacet.ofFloats(new int[] {4, 3}, activity(random)), Locations.near(world, place, random), World.instant(random));
  }

  /** Four years × (research, teaching, service) shares, each row summing to 1. */
  private static float[] activity(SplittableRandom random) {
    float[] shares = new float[12];
    for (int year = 0; year < 4; year++) {
      float research = Math.round((0.3 + 0.5 * random.nextDouble()) * 100) / 100f;
      float teaching = Math.round((1 - research) * random.nextDouble() * 100) / 100f;
      shares[year * 3] = research;
      shares[year * 3 + 1] = teaching;
      shares[year * 3 + 2] = Math.round((1 - research - teaching) * 100) / 100f;
    }
    return shares;
  }

  /**
   * An ORCID-shaped identifier, 0000-000x-xxxx-xxxC, with the ISO 7064 MOD 11-2 check
   * character ORCID uses, so validators accept it.
   */
  static String orcid(SplittableRandom random) {
    StringBuilder digits = new StringBuilder("0000000");
    digits.append(1 + random.nextInt(2));
    for (int i = 0; i < 7; i++) {
      digits.append(random.nextInt(10));
    }
    int total = 0;
    for (int i = 0; i < digits.length(); i++) {
      total = (total + digits.charAt(i) - '0') * 2;
    }
    int check = (12 - total % 11) % 11;
    digits.append(check == 10 ? 'X' : (char) ('0' + check));
    return digits.substring(0, 4) + "-" + digits.substring(4, 8) + "-" + digits.substring(8, 12) + "-" + digits.substring(12);
  }
}
