package org.verisimdb.engine.query.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.VqlSession;
import org.verisimdb.engine.query.examples.ExampleList.Example;

/**
 * Runs each example of VQL.md §12 ({@code vql-examples/examples.vql}) against the fixture
 * ({@link ExampleFixture}) and compares its §9 result, or its §10.1 error object, with
 * {@code vql-examples/golden/NN.json} ({@link GoldenJson} describes the text and what it masks,
 * {@link JsonDiff} the comparison). Read-only examples share one fixture database; an example
 * that shows a transaction or runs statements before it gets its own. Examples marked pending (a
 * feature that has not landed) or known-wrong (an answer that contradicts the spec) are skipped
 * with their reason.
 *
 * <p>{@code -Dvql.golden.update=true} rewrites the goldens of the examples that run from their
 * current answers (in {@code src/test/resources}, under the module directory); review every
 * changed golden against the expected behaviour §12 states for its example.
 */
class VqlExamplesTest {
  private static final String EXAMPLES = "/vql-examples/examples.vql";
  private static final String GOLDEN = "/vql-examples/golden/";
  private static final boolean UPDATE = Boolean.getBoolean("vql.golden.update");
  private static Database shared;

  @AfterAll
  static void closeShared() {
    if (shared != null) {
      shared.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> examplesOfSection12() {
    return ExampleList.load(EXAMPLES).stream().map(e -> DynamicTest.dynamicTest("example " + e.name(), () -> run(e)));
  }

  private static void run(Example e) {
    Assumptions.assumeTrue(e.skip() == null, () -> "example " + e.name() + " skipped, " + e.skip());
    String actual;
    if (e.needsOwnDatabase()) {
      try (Database db = ExampleFixture.open()) {
        actual = answer(db, e);
      }
    } else {
      actual = answer(sharedDatabase(), e);
    }
    String expected = golden(e);
    if (UPDATE) {
      if (!actual.equals(expected)) {
        write(e, actual);
      }
      return;
    }
    if (expected == null) {
      fail("example " + e.name() + " has no golden " + e.goldenFile() + "; review this answer and run with -Dvql.golden.update=true:\n"
          + actual);
    }
    List<String> differences = JsonDiff.of(expected, actual);
    if (!differences.isEmpty()) {
      fail("example " + e.name() + " differs from " + e.goldenFile() + ":\n  " + String.join("\n  ", differences) + "\n"
          + e.statement() + "\nwhole answer:\n" + actual);
    }
  }

  /** The golden text of the example's answer: its result, or the error object of its failure. */
  static String answer(Database db, Example e) {
    try (VqlSession session = db.vql()) {
      for (String statement : e.before()) {
        session.execute(statement).close();
      }
      try (Result r = session.execute(e.statement(), e.params())) {
        return GoldenJson.of(r);
      } catch (VqlException error) {
        return GoldenJson.of(error);
      }
    }
  }

  private static synchronized Database sharedDatabase() {
    if (shared == null) {
      shared = ExampleFixture.open();
    }
    return shared;
  }

  @Test
  void theListHoldsExamplesOneToForty() {
    Set<Integer> numbers = new TreeSet<>();
    for (Example e : ExampleList.load(EXAMPLES)) {
      numbers.add(Integer.parseInt(e.name().replaceAll("[^0-9]", "")));
    }
    assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
  }

  /** A golden belongs to an example that runs: a skipped example's golden would be stale or a committed "not yet" error. */
  @Test
  void everyGoldenBelongsToAnExampleThatRuns() throws IOException, URISyntaxException {
    URL dir = VqlExamplesTest.class.getResource(GOLDEN);
    assertThat(dir).as("golden directory").isNotNull();
    Set<String> running = new TreeSet<>();
    ExampleList.load(EXAMPLES).stream().filter(e -> e.skip() == null).forEach(e -> running.add(e.goldenFile()));
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      Set<String> goldens = new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
      assertThat(goldens).isEqualTo(running);
    }
  }

  private static String golden(Example e) {
    try (InputStream in = VqlExamplesTest.class.getResourceAsStream(GOLDEN + e.goldenFile())) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  private static void write(Example e, String text) {
    Path file = Path.of(System.getProperty("basedir", "."), "src/test/resources/vql-examples/golden", e.goldenFile());
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }
}
