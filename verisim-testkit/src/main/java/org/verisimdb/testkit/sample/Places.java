package org.verisimdb.testkit.sample;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.verisimdb.model.facet.Edge;
import org.verisimdb.model.facet.TensorFacet;
import org.verisimdb.model.value.Value;
import org.verisimdb.testkit.sample.Cities.City;
import org.verisimdb.testkit.sample.World.Aspect;

/**
 * Places: place k is city k mod n of {@link Cities}; the first n are the cities themselves,
 * later ones field sites within 5 km of their city ("Bergen — site 3"). Each links
 * {@code near} to the closest other city present in the set. Tensor: monthly mean
 * temperatures in °C (float32, 12), from a simple model of latitude, hemisphere and elevation.
 * Stateless and thread-safe.
 */
final class Places {
  private Places() {}

  static Draft draft(World world, int place) {
    SplittableRandom random = world.random(Kind.PLACE, place, Aspect.OWN);
    int cityIndex = place % Cities.size();
    City city = Cities.get(cityIndex);
    boolean site = place >= Cities.size();
    String name = World.placeName(place);
    double[] point = world.placePoint(place);
    int near = Cities.nearest(cityIndex, world.count(Kind.PLACE));
    float[] temperatures = temperatures(city, random);

    StringBuilder body = new StringBuilder();
    if (site) {
      body.append(name).append(" is a field site on the outskirts of ").append(city.name()).append(", ").append(city.country())
          .append(", about ").append(Math.round(Cities.distanceKm(point[0], point[1], city.lat(), city.lon()) * 10) / 10.0)
          .append(" km from the city centre at ").append(Prose.position(point[0], point[1])).append(". ")
          .append(city.name()).append(" has about ").append(Prose.number(city.population())).append(" inhabitants.");
    } else {
      body.append(name).append(" is a city in ").append(city.country()).append(" (").append(city.continent())
          .append(") with about ").append(Prose.number(city.population())).append(" inhabitants. It lies at ")
          .append(Prose.position(city.lat(), city.lon())).append(", ").append(city.elevation()).append(" m above sea level.");
    }
    body.append(' ').append(climate(temperatures));
    if (near >= 0) {
      body.append(" The nearest other city in the sample is ").append(Cities.get(near).name()).append(", ")
          .append(Math.round(Cities.distanceKm(city.lat(), city.lon(), Cities.get(near).lat(), Cities.get(near).lon())))
          .append(" km away.");
    }

    Map<String, Object> document = new LinkedHashMap<>();
    document.put("title", name);
    document.put("body", body.toString());
    document.put("country", city.country());
    document.put("continent", city.continent());
    document.put("population", city.population());
    document.put("elevation_m", city.elevation());

    List<Edge> edges = new ArrayList<>();
    if (near >= 0) {
      edges.add(Edge.to("NEAR", World.id(Kind.PLACE, near)));
    }
    if (site) {
      edges.add(Edge.to("LOCATED_IN", World.id(Kind.PLACE, cityIndex)));
    }
    // Every place has at least this edge, so its graph modality is never empty.
    edges.add(Edge.literal("COUNTRY", Value.of(city.country())));

    Map<String, Value> properties = new LinkedHashMap<>();
    properties.put("name", new Value.LangStr(name, "en"));
    properties.put("latitude", Value.of(point[0]));
    properties.put("longitude", Value.of(point[1]));
    properties.put("population", Value.of(city.population()));
    properties.put("elevation", Value.of(city.elevation()));
    properties.put("addressCountry", Value.of(city.country()));
    properties.put("keywords", new Value.Seq(List.of(Value.of(city.continent()), Value.of(city.country()), Value.of(site ? "field site" : "city"))));
    if (near >= 0) {
      properties.put("nearestCity", new Value.Ref(World.id(Kind.PLACE, near)));
    }
    if (site) {
      properties.put("containedInPlace", new Value.Ref(World.id(Kind.PLACE, cityIndex)));
    }
    List<String> types = site ? List.of(Kind.PLACE.schemaType()) : List.of(Kind.PLACE.schemaType(), "https://schema.org/City");
    return new Draft(document, edges, types, properties, TensorFacet.ofFloats(new int[] {12}, temperatures),
        Locations.ofPlace(world, place, random), World.instant(random));
  }

  /**
   * Monthly means, January first: an annual mean falling with latitude and 4 °C per km of
   * elevation, and a seasonal swing growing with latitude (damped in the oceanic south), coldest
   * in January in the north and July in the south. Crude, but the shape and range are right.
   */
  static float[] temperatures(City city, SplittableRandom random) {
    double lat = Math.abs(city.lat());
    double mean = 27 - 0.2 * lat - 0.0025 * lat * lat - 4.0 * city.elevation() / 1000;
    if (city.continent().equals("Antarctica")) {
      mean -= 10; // the ice sheet, not the latitude, makes it this cold
    }
    double swing = Math.min(12, 0.5 + 0.18 * lat) * (city.lat() < 0 ? 0.7 : 1);
    int coldest = city.lat() < 0 ? 6 : 0;
    float[] months = new float[12];
    for (int m = 0; m < 12; m++) {
      double t = mean - swing * Math.cos(2 * Math.PI * (m - coldest) / 12) + 0.8 * (random.nextDouble() - 0.5);
      months[m] = Math.round(t * 10) / 10f;
    }
    return months;
  }

  private static String climate(float[] months) {
    int low = 0;
    int high = 0;
    for (int m = 1; m < 12; m++) {
      low = months[m] < months[low] ? m : low;
      high = months[m] > months[high] ? m : high;
    }
    return String.format(Locale.ROOT, "Monthly mean temperatures range from %.1f °C in %s to %.1f °C in %s.",
        months[low], Month.of(low + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH),
        months[high], Month.of(high + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH));
  }
}
