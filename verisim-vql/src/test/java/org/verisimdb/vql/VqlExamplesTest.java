package org.verisimdb.vql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verisimdb.vql.ast.Trees;
import org.verisimdb.vql.check.Checker;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.json.AstJson;
import org.verisimdb.vql.parse.ParsedScript;
import org.verisimdb.vql.parse.ParsedStatement;

/**
 * The forty examples of VQL.md §12, one file each under src/test/resources/examples: each parses,
 * checks clean against the database the section assumes, and matches its golden canonical
 * formatting (NN.formatted) and tree (NN.json). Regenerate the goldens with
 * {@code ./mvnw -pl verisim-vql test -Dvql.golden.update=true} and review the diff.
 */
class VqlExamplesTest {
  static final Path DIR = Path.of("src/test/resources/examples");
  static final boolean UPDATE = Boolean.getBoolean("vql.golden.update");

  static List<Integer> examples() {
    return IntStream.rangeClosed(1, 40).boxed().toList();
  }

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("examples")
  void parsesChecksAndFormatsAsTheSpecificationSays(int n) throws IOException {
    String source = read(DIR.resolve(String.format("%02d.vql", n)));
    ParsedScript script = Vql.parseScript(source);
    assertThat(script.statements()).hasSize(1);
    ParsedStatement parsed = script.statements().getFirst();
    assertThat(parsed.diagnostics()).as("parse of example %d", n).isEmpty();
    List<Diagnostic> analysis = Checker.check(parsed.statement(), Catalogs.examples()).diagnostics();
    assertThat(analysis).as("analysis of example %d", n).isEmpty();

    String formatted = Vql.format(source);
    assertThat(Vql.format(formatted)).as("formatting is idempotent").isEqualTo(formatted);
    assertThat(Trees.same(Vql.parseScript(formatted).statements().getFirst().statement(), parsed.statement()))
        .as("formatting keeps the tree").isTrue();
    golden(DIR.resolve(String.format("%02d.formatted", n)), formatted);
    golden(DIR.resolve(String.format("%02d.json", n)), AstJson.toJson(parsed.statement(), false) + "\n");
  }

  @org.junit.jupiter.api.Test
  void example7IsADimensionMismatchInA384DimensionDatabase() {
    ParsedStatement parsed = Vql.parse(read7());
    List<Diagnostic> d = Checker.check(parsed.statement(), Catalogs.examples().withVectorDimension(384)).diagnostics();
    assertThat(d).extracting(Diagnostic::code).containsExactly(DiagnosticCode.TYPE_002);
    assertThat(Checker.check(parsed.statement(), org.verisimdb.vql.check.Catalog.offline()).diagnostics()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void theOfflineCheckerAcceptsEveryExample() throws IOException {
    StringBuilder script = new StringBuilder();
    for (int n : examples()) {
      script.append(read(DIR.resolve(String.format("%02d.vql", n)))).append(";\n");
    }
    assertThat(Vql.checkScript(script.toString(), org.verisimdb.vql.check.Catalog.offline())).isEmpty();
    assertThat(Vql.parseScript(script.toString()).statements()).hasSize(40);
  }

  private static String read7() {
    try {
      return read(DIR.resolve("07.vql"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void golden(Path file, String actual) throws IOException {
    if (UPDATE || !Files.exists(file)) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      assertThat(UPDATE).as("golden file %s was missing and has been written; review and commit it", file).isTrue();
    }
    assertThat(actual).as("golden %s (regenerate with -Dvql.golden.update=true)", file).isEqualTo(read(file));
  }
}
