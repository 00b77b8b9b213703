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
 * Data sets: created by an organisation and kept where it is. Tensor: float64 column
 * statistics, rows min, mean and max, one column per measured variable (3 × 4). Stateless and
 * thread-safe.
 */
final class Datasets {
  static final int COLUMNS = 4;

  private Datasets() {}

  static Draft draft(World world, int dataset) {
    SplittableRandom random = world.random(Kind.DATASET, dataset, Aspect.OWN);
    String name = world.datasetName(dataset);
    int organisation = world.datasetOrganisation(dataset);
    int place = world.datasetPlace(dataset);
    Topic topic = world.datasetTopic(dataset);
    long rows = Math.round(Math.pow(10, 3 + 3.7 * random.nextDouble()));
    String format = Words.pick(Words.FORMATS, random);
    String license = Words.pick(Words.LICENSES, random);
    Instant created = World.instant(random);
    LocalDate date = Prose.date(created);
    long bytes = rows * (40 + random.nextInt(160));
    List<String> terms = Prose.terms(topic, 3, random);

    StringBuilder body = new StringBuilder("This data set holds ").append(Prose.number(rows)).append(" records on ")
        .append(topic.name()).append(", collected in ").append(World.placeName(place));
    if (organisation >= 0) {
      body.append(" by ").append(world.organisationName(organisation));
    }
    body.append(". It is distributed as ").append(format).append(" under the ").append(license).append(" licence. ")
        .append("Each record covers ").append(Prose.list(terms))
        .append("; values were checked for gaps and outliers before release on ").append(date).append('.');

    Map<String, Object> document = new LinkedHashMap<>();
    document.put("title", name);
    document.put("body", body.toString());
    document.put("rows", rows);
    document.put("columns", COLUMNS);
    document.put("format", format);
    document.put("license", license);
    document.put("size_bytes", bytes);
    document.put("created", date.toString());

    List<Edge> edges = new ArrayList<>();
    if (organisation >= 0) {
      edges.add(Edge.to("CREATED_BY", World.id(Kind.ORGANISATION, organisation)));
    }
    edges.add(Edge.to("LOCATED_IN", World.id(Kind.PLACE, place)));
    if (random.nextBoolean()) {
      edges.add(Edge.literal("KEYWORD", Value.of(terms.getFirst())));
    }

    Map<String, Value> properties = new LinkedHashMap<>();
    properties.put("name", new Value.LangStr(name, "en"));
    properties.put("license", Value.of("https://spdx.org/licenses/" + license + ".html"));
    properties.put("encodingFormat", Value.of(format));
    properties.put("dateCreated", new Value.Typed(date.toString(), Draft.XSD_DATE));
    properties.put("size", Value.of(rows));
    properties.put("variableMeasured", new Value.Seq(terms.stream().<Value>map(Value::of).toList()));
    properties.put("spatialCoverage", new Value.Ref(World.id(Kind.PLACE, place)));
    if (organisation >= 0) {
      properties.put("creator", new Value.Ref(World.id(Kind.ORGANISATION, organisation)));
    }
    return new Draft(document, edges, List.of(Kind.DATASET.schemaType()), properties,
        TensorFacet.ofDoubles(new int[] {3, COLUMNS}, statistics(random)), Locations.near(world, place, random), created);
  }

  /** Row-major min, mean and max of four columns, with min ≤ mean ≤ max. */
  private static double[] statistics(SplittableRandom random) {
    double[] stats = new double[3 * COLUMNS];
    for (int column = 0; column < COLUMNS; column++) {
      double scale = Math.pow(10, random.nextInt(4));
      double mean = round(scale * random.nextDouble());
      stats[column] = round(mean - scale * random.nextDouble());
      stats[COLUMNS + column] = mean;
      stats[2 * COLUMNS + column] = round(mean + scale * random.nextDouble());
    }
    return stats;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
