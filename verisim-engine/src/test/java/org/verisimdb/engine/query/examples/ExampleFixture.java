package org.verisimdb.engine.query.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.verisimdb.engine.ClockedDatabases;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.DatabaseConfig;
import org.verisimdb.engine.Session;
import org.verisimdb.engine.SettableClock;
import org.verisimdb.index.semantic.Contract;
import org.verisimdb.model.Modality;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.value.Value;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.OctadPatch;

/**
 * The database the examples of VQL.md §12 run against, as §12 assumes it: vector dimension 4,
 * the PREDICATE contracts ExportControl and StationSchema, and the octads of
 * {@code vql-examples/fixture.json} plus generated ones:
 *
 * <ul>
 *   <li>venue papers {@code paper-vNN-MM}: venue NN (1–24) has 9 + NN papers, with a title,
 *       year, language and citation count derived from NN and MM (examples 2 and 18);
 *   <li>heat-pump reports {@code hp-01}…{@code hp-20} (example 39).
 * </ul>
 *
 * Every version is committed at the time fixture.json gives it ({@code at}, else
 * {@code default_at}) by its principal ({@code by}, else the database's default principal), in
 * time order; versions at the same time commit in file order, one microsecond apart. Commit times
 * therefore, and with them every hash and timestamp a result shows, are the same on every run.
 * The contracts LedgerIntegrity (INTEGRITY) and AgeOver18 (ZKP) are not registered: the engine
 * registers PREDICATE contracts only.
 */
final class ExampleFixture {
  static final DatabaseConfig CONFIG = DatabaseConfig.defaults().withBackend("memory").withAutoEmbedding(false).withVectorDimension(4)
      // Untuned costs, so EXPLAIN estimates do not depend on how fast earlier statements ran; no statement
      // is slow enough for the slow query log, whose entries would depend on timing.
      .withQueries(new org.verisimdb.engine.QueryOptions(3_600_000, 1000, false, 256, false));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] PAPER_TITLES = {"Tidal energy in fjords", "Tidal energy storage and grid balancing",
      "Modelling tidal energy yield", "Tidal energy", "Wave energy converters", "Tidal flats ecology", "Offshore wind wakes",
      "Tidal energy and fisheries: a review of conflicts", "Energy policy review", "Tidal energy"};
  private static final String[] LANGUAGES = {"en", "nb", "de", "en", "fr", "nb", "en", "en"};
  private static final String[] PLACES = {"Bergen", "Oslo", "Trondheim", "Delft", "Utrecht", "Aarhus", "Malmo", "Tampere", "Cork",
      "Leeds", "Graz", "Basel", "Lyon", "Porto", "Turin", "Gdansk", "Brno", "Tartu"};

  /** One version to commit. */
  private record Write(Instant at, int order, String by, String id, boolean create, JsonNode spec) {}

  private ExampleFixture() {}

  /** A new in-memory database holding the whole fixture. Close it. */
  static Database open() {
    JsonNode fixture = read("/vql-examples/fixture.json");
    Instant defaultAt = Instant.parse(fixture.get("default_at").asText());
    List<Write> writes = new ArrayList<>();
    for (JsonNode octad : generated()) {
      add(writes, octad, defaultAt);
    }
    for (JsonNode octad : fixture.get("octads")) {
      add(writes, octad, defaultAt);
    }
    writes.sort(Comparator.comparing(Write::at).thenComparingInt(Write::order));
    SettableClock clock = new SettableClock(defaultAt);
    Database db = ClockedDatabases.openInMemory(CONFIG, clock);
    try {
      db.schema().registerContract(exportControl());
      db.schema().registerContract(stationSchema());
      for (Write w : writes) {
        clock.set(w.at());
        apply(db, w);
      }
      return db;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  private static void add(List<Write> writes, JsonNode octad, Instant defaultAt) {
    String id = octad.get("id").asText();
    writes.add(new Write(at(octad, defaultAt), writes.size(), by(octad), id, true, octad));
    if (octad.has("updates")) {
      for (JsonNode u : octad.get("updates")) {
        writes.add(new Write(at(u, defaultAt), writes.size(), by(u), id, false, u));
      }
    }
  }

  private static void apply(Database db, Write w) {
    Session session = w.by() == null ? db : db.session(w.by());
    if (w.create()) {
      OctadInput.Builder b = OctadInput.builder().id(w.id()).temporal(FixtureFacets.temporal(w.spec()));
      FixtureFacets.facets(w.spec(), b::with);
      FixtureFacets.provenance(w.spec()).forEach(b::provenance);
      session.create(b.build());
    } else if (w.spec().path("delete").asBoolean(false)) {
      session.delete(OctadId.of(w.id()));
    } else {
      OctadPatch.Builder b = OctadPatch.builder().temporal(FixtureFacets.temporal(w.spec()));
      FixtureFacets.facets(w.spec(), b::replace);
      FixtureFacets.provenance(w.spec()).forEach(b::provenance);
      session.update(OctadId.of(w.id()), b.build());
    }
  }

  /** The venue papers and heat-pump reports, in the JSON form of fixture.json. */
  static List<JsonNode> generated() {
    List<JsonNode> out = new ArrayList<>();
    for (int v = 1; v <= 24; v++) {
      for (int j = 0; j < 9 + v; j++) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("title", PAPER_TITLES[(v * 7 + j * 3) % 10] + " (" + v + "." + j + ")");
        doc.put("year", 2010 + (v * 31 + j * 17) % 15);
        doc.put("lang", LANGUAGES[(v + j) % 8]);
        doc.put("citations", (v * 13 + j * 7) % 50);
        doc.put("venue", String.format("Venue %02d", v));
        out.add(octad(String.format("paper-v%02d-%02d", v, j), doc));
      }
    }
    for (int i = 1; i <= 18; i++) {
      ObjectNode doc = JsonNodeFactory.instance.objectNode();
      String place = PLACES[i - 1];
      doc.put("title", (i % 3 == 0 ? "Heat-pump retrofit of " : "Heat pump retrofit in ") + place);
      doc.put("body", "Retrofit report. ".repeat(1 + i % 4) + "Terraced houses in " + place + " measured over " + (i + 1) + " winters.");
      out.add(octad(String.format("hp-%02d", i), doc));
    }
    out.add(octad("hp-19", JsonNodeFactory.instance.objectNode().put("title", "Heat pump sizing").put("body", "Sizing rules for new builds.")));
    out.add(octad("hp-20", JsonNodeFactory.instance.objectNode().put("title", "Window retrofit").put("body", "Draught-proofing and heat savings.")));
    return out;
  }

  private static JsonNode octad(String id, ObjectNode document) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", id);
    o.set("document", document);
    return o;
  }

  /** ExportControl(region, tier): SEMANTIC property export_region equals region and export_tier is at most tier; UNKNOWN without them. */
  static Contract exportControl() {
    Map<String, Value> params = Map.of("region", Value.of("EU"), "tier", Value.of(2));
    return Contract.of("ExportControl", params, octad -> {
      SemanticFacet s = octad.semantic().orElse(null);
      if (s == null || !(s.properties().get("export_region") instanceof Value.Str(String region))
          || !(s.properties().get("export_tier") instanceof Value.Int(long tier))) {
        return null;
      }
      return region.equals("EU") && tier <= 2;
    });
  }

  /** StationSchema: a DOCUMENT of kind 'station' with a title, and a location; UNKNOWN without a DOCUMENT. */
  static Contract stationSchema() {
    return Contract.of("StationSchema", Map.of(), octad -> {
      DocumentFacet d = octad.document().orElse(null);
      if (d == null) {
        return null;
      }
      return d.field("kind") instanceof Value.Str(String kind) && kind.equals("station") && d.title() != null
          && octad.has(Modality.SPATIAL);
    });
  }

  private static Instant at(JsonNode node, Instant defaultAt) {
    return node.hasNonNull("at") ? Instant.parse(node.get("at").asText()) : defaultAt;
  }

  private static String by(JsonNode node) {
    return node.hasNonNull("by") ? node.get("by").asText() : null;
  }

  static JsonNode read(String resource) {
    try (InputStream in = ExampleFixture.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + resource + " is missing");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
