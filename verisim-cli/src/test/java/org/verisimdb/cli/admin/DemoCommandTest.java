package org.verisimdb.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.cli.Main;

class DemoCommandTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void loadsTheSampleSetAndCountsEveryModality() {
    assertThat(run("demo")).as(err.toString()).isZero();
    String text = out.toString();
    assertThat(text).contains("loading 300 sample octads").contains("Octads: 300");
    for (String modality : new String[] {"graph", "vector", "tensor", "semantic", "document", "temporal", "provenance", "spatial"}) {
      assertThat(text).containsPattern("(?m)^  " + modality + " +300$");
    }
    assertThat(text).contains("By kind: paper").contains("Example: paper-0000000").contains("chain valid");
  }

  @Test
  void aSmallerSetCanBeAskedFor() {
    assertThat(run("demo", "--size", "40", "--seed", "7")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Octads: 40");
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(run("demo", "--size", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--size must be between 1 and");
    assertThat(run("demo", "--sise", "3")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown options: '--sise'").contains("Possible solutions: --size");
  }

  @Test
  void configErrorsAreReportedWithTheirCodeAndNoStackTrace(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("bad.properties");
    Files.writeString(config, "vector.dimension=8\n");
    assertThat(run("demo", "--size", "5", "--config", config.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("error VERISIM-3012 VECTOR_DIMENSION_MISMATCH").doesNotContain("\tat ");
  }

  @Test
  void everyCommandHasHelp() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: verisimdb").contains("demo");
    assertThat(run("demo", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: verisimdb demo").contains("--size");
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).contains("VeriSimDB");
  }
}
