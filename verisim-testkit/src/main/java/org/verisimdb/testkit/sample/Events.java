package org.verisimdb.testkit.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * Events: three-day workshops, conferences and schools held in a place, organised by an
 * organisation, featuring up to three papers published before it starts. Tensor: attendance on each of the three days
 * (int32), never above the number registered. Stateless and thread-safe.
 */
final class Events {
  static final int DAYS = 3;

  private Events() {}

  static Draft draft(World world, int event) {
    SplittableRandom random = world.random(Kind.EVENT, event, Aspect.OWN);
    String type = Words.pick(Words.EVENT_TYPES, random);
    Topic topic = Words.pick(Words.TOPICS, world.random(Kind.EVENT, event, Aspect.TOPIC));
    int place = world.pickPlace(world.random(Kind.EVENT, event, Aspect.LOCATION));
    int organisation = world.pick(Kind.ORGANISATION, world.random(Kind.EVENT, event, Aspect.AFFILIATION));
    // Announced some time before it starts; both fall in 2015–2025.
    Instant announced = World.START.plusSeconds(random.nextLong(World.END.getEpochSecond() - World.START.getEpochSecond() - 400L * 86_400));
    LocalDate starts = Prose.date(announced).plusDays(30 + random.nextInt(300));
    int[] featured = world.pickDistinct(Kind.PAPER, random.nextInt(4), world.papersBefore(starts.atStartOfDay(ZoneOffset.UTC).toInstant()), -1, random);
    LocalDate ends = starts.plusDays(DAYS - 1);
    String title = type + " on " + topic.title() + " " + starts.getYear();
    int attendees = attendees(type, random);
    int[] perDay = new int[DAYS];
    for (int day = 0; day < DAYS; day++) {
      perDay[day] = (int) Math.round(attendees * (0.6 + 0.4 * random.nextDouble()));
    }
    List<String> terms = Prose.terms(topic, 3, random);

    StringBuilder body = new StringBuilder("The ").append(title).append(" takes place in ").append(World.placeName(place))
        .append(" from ").append(starts).append(" to ").append(ends);
    if (organisation >= 0) {
      body.append(", organised by ").append(world.organisationName(organisation));
    }
    body.append(". About ").append(Prose.number(attendees)).append(" participants are expected for three days of talks on ")
        .append(Prose.list(terms)).append('.');
    if (featured.length > 0) {
      body.append(" The programme features ").append(featured.length == 1 ? "one paper" : featured.length + " papers")
          .append(", including \u201c").append(world.paperTitle(featured[0])).append("\u201d.");
    }

    Map<String, Object> document = new LinkedHashMap<>();
    document.put("title", title);
    document.put("body", body.toString());
    document.put("event_type", type);
    document.put("starts", starts.toString());
    document.put("ends", ends.toString());
    document.put("attendees", attendees);

    List<Edge> edges = new ArrayList<>();
    edges.add(Edge.to("HELD_IN", World.id(Kind.PLACE, place)));
    if (organisation >= 0) {
      edges.add(Edge.to("ORGANISED_BY", World.id(Kind.ORGANISATION, organisation)));
    }
    for (int paper : featured) {
      edges.add(Edge.to("FEATURES", World.id(Kind.PAPER, paper)));
    }

    Map<String, Value> properties = new LinkedHashMap<>();
    properties.put("name", new Value.LangStr(title, "en"));
    properties.put("startDate", new Value.Typed(starts.toString(), Draft.XSD_DATE));
    properties.put("endDate", new Value.Typed(ends.toString(), Draft.XSD_DATE));
    properties.put("maximumAttendeeCapacity", Value.of(attendees));
    properties.put("location", new Value.Ref(World.id(Kind.PLACE, place)));
    properties.put("about", new Value.Seq(terms.stream().<Value>map(Value::of).toList()));
    if (organisation >= 0) {
      properties.put("organizer", new Value.Ref(World.id(Kind.ORGANISATION, organisation)));
    }
    List<String> types = type.equals("Summer School") || type.equals("Workshop")
        ? List.of(Kind.EVENT.schemaType(), "https://schema.org/EducationEvent") : List.of(Kind.EVENT.schemaType());
    return new Draft(document, edges, types, properties, TensorFacet.ofInts(new int[] {DAYS}, perDay),
        Locations.near(world, place, random), announced);
  }

  private static int attendees(String type, SplittableRandom random) {
    return switch (type) {
      case "Workshop" -> 20 + random.nextInt(60);
      case "Conference" -> 150 + random.nextInt(1350);
      case "Summer School" -> 25 + random.nextInt(35);
      case "Symposium" -> 60 + random.nextInt(240);
      default -> 30 + random.nextInt(120);
    };
  }
}
