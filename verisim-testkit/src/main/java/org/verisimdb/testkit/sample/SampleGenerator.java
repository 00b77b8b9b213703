package org.verisimdb.testkit.sample;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.facet.DocumentFacet;
import org.verisimdb.model.facet.GraphFacet;
import org.verisimdb.model.facet.SemanticFacet;
import org.verisimdb.model.facet.VectorFacet;
import org.verisimdb.model.write.OctadInput;
import org.verisimdb.model.write.ProvenanceEvent;
import org.verisimdb.model.write.TemporalInput;
import org.verisimdb.testkit.sample.World.Aspect;

/**
 * A deterministic sample set of {@code size} octads: papers, people, organisations, data sets,
 * places and events (about 30/25/10/10/10/15 %), interleaved by a fixed 20-slot pattern, linked
 * to each other only by ids inside the set, each with all six user-written modalities, a
 * version label and provenance events. Octad {@code i} depends only on (seed, size, i): it is
 * computed on demand from random streams seeded by index, so {@link #octad} gives the same
 * result alone, in a {@link #stream()} or from many threads, and a stream of millions of octads
 * holds none of them.
 *
 * <p>The sets are consistent across modalities, so drift detection has a clean baseline: the
 * text names the place an octad links to and a paper's authors, the point lies within a few km
 * of that place's city, citations point only to older papers, and the embedding is either left
 * to the database, whose embedding model computes it from title and body
 * ({@link #embeddedByDatabase()}: the demo set, real semantic vectors), or
 * {@link TextHashEmbedding} of title and body (the default: fast, no model, for tests and
 * benchmarks that need vectors of any dimension).
 *
 * <p>Immutable and thread-safe.
 */
public final class SampleGenerator {
  /** Length of every embedding. */
  public static final int DIMENSION = 384;
  /** Largest set the generator makes: ids have seven digits and the ordinals stay below that. */
  public static final int MAX_SIZE = 10_000_000;

  private static final long SAMPLE_SEED = 20261121L;
  private static final int SAMPLE_SIZE = 300;

  private final World world;
  private final boolean hashedVectors;

  /**
   * @param seed any value; sets with different seeds differ throughout
   * @param size number of octads, 1 to {@value #MAX_SIZE}
   */
  public SampleGenerator(long seed, int size) {
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("sample size must be between 1 and " + MAX_SIZE + ", got " + size);
    }
    this(new World(seed, size), true);
  }

  private SampleGenerator(World world, boolean hashedVectors) {
    this.world = world;
    this.hashedVectors = hashedVectors;
  }

  /**
   * The same set without vectors: a database with {@code embedding.auto} on computes each from
   * the octad's title and body with its embedding model, so similar texts get similar vectors.
   */
  public SampleGenerator embeddedByDatabase() {
    return new SampleGenerator(world, false);
  }

  /** The demo set: seed 20261121, 300 octads. */
  public static SampleGenerator sampleSet() {
    return new SampleGenerator(SAMPLE_SEED, SAMPLE_SIZE);
  }

  public int size() {
    return world.size();
  }

  public long seed() {
    return world.seed();
  }

  public Kind kindOf(int index) {
    return Layout.kindOf(checkIndex(index));
  }

  /** The position of octad {@code index} among the octads of its kind: person-0000007 has ordinal 7. */
  public int ordinalOf(int index) {
    return Layout.ordinalOf(checkIndex(index));
  }

  /** The index of the {@code ordinal}-th octad of {@code kind}; the inverse of {@link #kindOf} and {@link #ordinalOf}. */
  public int indexOf(Kind kind, int ordinal) {
    if (ordinal < 0 || ordinal >= count(kind)) {
      throw new IndexOutOfBoundsException(
          "this set has " + count(kind) + " octads of kind " + kind + "; ordinal " + ordinal + " is out of range");
    }
    return Layout.indexOf(kind, ordinal);
  }

  /** The id of octad {@code index}, {@code <kind>-<ordinal in 7 digits>} such as {@code paper-0000042}. */
  public OctadId idOf(int index) {
    return World.id(kindOf(index), Layout.ordinalOf(index));
  }

  /** How many octads of {@code kind} the set holds. */
  public int count(Kind kind) {
    return world.count(kind);
  }

  /** Octad {@code index}, built afresh on every call. */
  public OctadInput octad(int index) {
    Kind kind = kindOf(index);
    int ordinal = Layout.ordinalOf(index);
    Draft draft = switch (kind) {
      case PAPER -> Papers.draft(world, ordinal);
      case PERSON -> People.draft(world, ordinal);
      case ORGANISATION -> Organisations.draft(world, ordinal);
      case DATASET -> Datasets.draft(world, ordinal);
      case PLACE -> Places.draft(world, ordinal);
      case EVENT -> Events.draft(world, ordinal);
    };
    OctadInput.Builder input = OctadInput.builder()
        .id(World.id(kind, ordinal))
        .with(DocumentFacet.of(draft.document()))
        .with(new GraphFacet(draft.edges()))
        .with(SemanticFacet.of(draft.types(), draft.properties()))
        .with(draft.tensor())
        .with(draft.spatial())
        .temporal(new TemporalInput(draft.validFrom(), "imported", "loaded from the sample set"))
        .provenance(new ProvenanceEvent("imported", "sample-loader", "verisim-sample/" + kind.idPrefix(),
            "generated sample " + kind.idPrefix()));
    if (hashedVectors) {
      input.with(new VectorFacet(TextHashEmbedding.embed(draft.text(), DIMENSION), embeddingModel()));
    }
    SplittableRandom random = world.random(index, Aspect.PROVENANCE);
    if (count(Kind.PERSON) > 0 && random.nextInt(10) < 3) {
      String reviewer = world.personName(world.pick(Kind.PERSON, random));
      input.provenance(new ProvenanceEvent("reviewed", reviewer, "verisim-sample/review", "checked against the source record"));
    }
    return input.build();
  }

  /** Every octad in index order, built lazily one at a time. */
  public Stream<OctadInput> stream() {
    return IntStream.range(0, size()).mapToObj(this::octad);
  }

  /** The model name stored with every sample vector. */
  public static String embeddingModel() {
    return TextHashEmbedding.modelName(DIMENSION);
  }

  private int checkIndex(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("index " + index + " is outside this sample set of " + size() + " octads");
    }
    return index;
  }
}
