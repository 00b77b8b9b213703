package org.verisimdb.testkit.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The vocabulary the sample texts are written from: names, research topics with their own
 * terms (so texts on one topic share words and get similar embeddings), venues, methods, and
 * the words of organisation, data set and event names. Immutable and thread-safe.
 */
final class Words {
  /** A research topic: its name in running text, in title case, and terms that go with it. */
  record Topic(String name, String title, List<String> terms) {}

  static final List<Topic> TOPICS = List.of(
      topic("glacier dynamics", "Glacier Dynamics", "ice", "meltwater", "moraine", "calving", "albedo"),
      topic("coastal erosion", "Coastal Erosion", "shoreline", "sediment", "storm surge", "dunes", "waves"),
      topic("urban heat islands", "Urban Heat", "asphalt", "tree canopy", "heatwaves", "rooftops", "microclimate"),
      topic("air quality", "Air Quality", "particulate matter", "nitrogen dioxide", "ozone", "traffic", "emissions"),
      topic("groundwater recharge", "Groundwater", "aquifers", "infiltration", "wells", "drought", "rainfall"),
      topic("marine biodiversity", "Marine Biodiversity", "plankton", "coral", "fisheries", "kelp forests", "reefs"),
      topic("seismic hazard", "Seismology", "earthquakes", "faults", "ground motion", "aftershocks", "tremors"),
      topic("soil carbon", "Soil Science", "humus", "tillage", "soil microbes", "cover crops", "organic matter"),
      topic("wildfire risk", "Wildfire Research", "fuel load", "ignition", "smoke", "burn scars", "dry spells"),
      topic("public transport", "Transport Studies", "buses", "ridership", "timetables", "commuting", "trams"),
      topic("language models", "Language Technology", "tokens", "transformers", "text corpora", "fine-tuning", "benchmarks"),
      topic("graph databases", "Data Systems", "edges", "traversals", "query plans", "indexes", "adjacency lists"),
      topic("protein folding", "Structural Biology", "amino acids", "protein structure", "enzymes", "binding sites", "molecular simulation"),
      topic("vaccine uptake", "Public Health", "immunisation", "clinics", "household surveys", "hesitancy", "outreach"),
      topic("renewable energy", "Renewable Energy", "solar panels", "wind turbines", "the power grid", "battery storage", "demand peaks"),
      topic("crop yields", "Agronomy", "wheat", "irrigation", "fertiliser", "harvests", "growing seasons"),
      topic("migratory birds", "Ornithology", "flyways", "nesting sites", "GPS tags", "wetlands", "stopovers"),
      topic("river flooding", "Hydrology", "river discharge", "levees", "floodplains", "stream gauges", "heavy rain"),
      topic("sea ice", "Polar Science", "pack ice", "ice thickness", "satellite altimetry", "melt seasons", "polar winters"),
      topic("housing markets", "Urban Economics", "rents", "mortgages", "new construction", "house prices", "tenants"),
      topic("ocean acidification", "Ocean Chemistry", "carbonate", "seawater pH", "shellfish", "dissolved carbon", "upwelling"),
      topic("mobile health", "Digital Health", "smartphones", "wearable sensors", "patients", "health apps", "remote monitoring"),
      topic("volcanic activity", "Volcanology", "magma", "eruptions", "ash plumes", "lava flows", "gas emissions"),
      topic("digital archives", "Digital Humanities", "manuscripts", "metadata", "scanning", "catalogues", "preservation"));

  static final List<String> GIVEN_NAMES = List.of(
      "Ada", "Amara", "Aiko", "Alejandro", "Amina", "Anders", "Aroha", "Astrid", "Ayesha", "Chen", "Chiara", "Daniel",
      "Dmitri", "Elif", "Emeka", "Fatima", "Freya", "Gabriel", "Hana", "Hugo", "Ingrid", "Isabela", "Jamal", "Javier",
      "Kai", "Kavya", "Kwame", "Laila", "Lars", "Leilani", "Lucía", "Mateo", "Mei", "Mohammed", "Nadia", "Ngozi", "Niamh",
      "Nikolai", "Oluwaseun", "Priya", "Rahul", "Rosa", "Sakura", "Samuel", "Siddharth", "Sione", "Sofia", "Tane",
      "Thandiwe", "Tomás", "Wei", "Yara", "Yusuf", "Zanele", "Zofia");

  static final List<String> FAMILY_NAMES = List.of(
      "Ahmed", "Andersen", "Banda", "Brown", "Cohen", "Costa", "Dlamini", "Dubois", "Fernández", "Fischer", "García",
      "Haddad", "Hassan", "Ivanov", "Johansson", "Jónsdóttir", "Kaur", "Kim", "Kowalski", "Larsen", "Li", "Mensah",
      "Morales", "Müller", "Murphy", "Mwangi", "Nakamura", "Ngata", "Nguyen", "Novak", "Okafor", "Park", "Patel",
      "Popescu", "Rahman", "Ramírez", "Rossi", "Sato", "Schmidt", "Silva", "Singh", "Smith", "Tanaka", "Taufa",
      "Thompson", "Virtanen", "Walker", "Wang", "Yilmaz");

  static final List<String> ROLES = List.of(
      "doctoral researcher", "postdoctoral fellow", "research engineer", "data scientist", "senior lecturer",
      "associate professor", "professor", "research director");

  static final List<String> METHODS = List.of(
      "mixed-effects models", "satellite imagery", "repeated field surveys", "Bayesian inference",
      "agent-based simulation", "time-series analysis", "gradient-boosted trees", "stable isotope analysis",
      "a dense sensor network", "interviews and focus groups", "airborne lidar", "spatial regression");

  static final List<String> TITLE_OPENINGS = List.of(
      "Long-term monitoring of", "A comparative study of", "Spatial patterns of", "Drivers of",
      "Early warning signals in", "Rethinking", "Measuring", "Towards better models of", "Uncertainty in",
      "Ten years of");

  static final List<String> ADJECTIVES = List.of(
      "detailed", "multi-year", "large-scale", "reproducible", "cross-disciplinary", "careful", "open");

  static final List<String> LINKS = List.of(
      "are closely linked", "respond to the same seasonal cycle", "diverge after extreme events",
      "explain most of the observed variation", "interact more strongly than expected");

  static final List<String> VENUES = List.of(
      "Nature Geoscience", "Journal of Hydrology", "PLOS ONE", "Remote Sensing of Environment",
      "Proceedings of the VLDB Endowment", "Global Change Biology", "The Cryosphere", "Atmospheric Environment",
      "Urban Studies", "Bioinformatics", "The Lancet Public Health", "Energy Policy", "Water Resources Research",
      "Scientific Data", "Geophysical Research Letters", "Journal of Transport Geography",
      "Marine Ecology Progress Series", "Computational Linguistics", "Digital Humanities Quarterly");

  /** Organisation name forms; %1$s is the city, %2$s the topic in title case. */
  static final List<String> ORG_FORMS = List.of(
      "University of %1$s", "%1$s Institute for %2$s", "Centre for %2$s %1$s", "%1$s %2$s Laboratory",
      "%2$s Observatory of %1$s");

  static final List<String> FORMATS = List.of(
      "CSV", "Parquet", "NetCDF", "GeoTIFF", "JSON Lines", "HDF5", "GeoPackage");

  /** SPDX licence identifiers. */
  static final List<String> LICENSES = List.of("CC-BY-4.0", "CC0-1.0", "ODbL-1.0", "CC-BY-SA-4.0", "PDDL-1.0");

  static final List<String> EVENT_TYPES = List.of(
      "Workshop", "Conference", "Summer School", "Symposium", "Hackathon");

  static final List<String> DATASET_NOUNS = List.of(
      "observations", "measurements", "survey responses", "sensor readings", "annotated records");

  private Words() {}

  private static Topic topic(String name, String title, String... terms) {
    return new Topic(name, title, List.of(terms));
  }

  /** One element, uniformly. */
  static <T> T pick(List<T> words, SplittableRandom random) {
    return words.get(random.nextInt(words.size()));
  }
}
