package org.verisimdb.cli.vql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verisimdb.cli.Main;

/** {@code vql check} and {@code vql fmt} end to end on files. */
class VqlCommandTest {
  @TempDir
  Path dir;

  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  int vql(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return VqlMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  Path file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void checkPrintsFileLineColumnCodeAndExitsOneOnErrors() throws Exception {
    Path good = file("good.vql", "select id from octads where document.title = 'a;b'; -- a ; in a comment\nCOMMIT;\n");
    assertThat(vql("check", good.toString())).as(out.toString()).isZero();
    assertThat(out.toString()).isEmpty();
    Path bad = file("bad.vql", "SELECT id FROM OCTADS;\nSELECT GRAPH FORM OCTADS;\nSELECT id, similarity FROM OCTADS\n");
    assertThat(vql("check", good.toString(), bad.toString())).isEqualTo(1);
    assertThat(out.toString()).contains(bad + ":2:14: VQL-SYNTAX-001 expected FROM or ',' but found 'FORM'; did you mean FROM?")
        .contains(bad + ":3:12: warning VQL-WARN-001");
    assertThat(vql("check", "--dimension", "384", file("v.vql", "SELECT id FROM OCTADS WHERE VECTOR SIMILAR TO [1, 2]").toString())).isEqualTo(1);
    assertThat(out.toString()).contains("VQL-TYPE-002");
  }

  @Test
  void checkReportsInvalidUtf8() throws Exception {
    Path p = dir.resolve("latin1.vql");
    Files.write(p, new byte[] {'S', 'H', 'O', 'W', ' ', 'S', 'T', 'A', 'T', 'S', ';', (byte) 0xE9});
    assertThat(vql("check", p.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("VQL-SYNTAX-005 invalid UTF-8 at byte 11");
  }

  @Test
  void fmtPrintsCanonicalTextAndCheckNamesUnformattedFiles() throws Exception {
    Path messy = file("messy.vql", "select document.title from hexads where field year >= 2018 and document contains 'x'");
    assertThat(vql("fmt", messy.toString())).isZero();
    String formatted = out.toString();
    assertThat(formatted).isEqualTo("SELECT DOCUMENT.title\nFROM OCTADS\nWHERE DOCUMENT.year >= 2018\n  AND FULLTEXT CONTAINS 'x'\n");
    assertThat(vql("fmt", "--check", messy.toString())).isEqualTo(1);
    assertThat(out.toString().strip()).isEqualTo(messy.toString());
    Path clean = file("clean.vql", formatted);
    assertThat(vql("fmt", "--check", clean.toString())).isZero();
    assertThat(out.toString()).isEmpty();
    Path broken = file("broken.vql", "SELECT FROM;\nshow stats");
    assertThat(vql("fmt", broken.toString())).isEqualTo(1);
    assertThat(out.toString()).isEqualTo("SELECT FROM;\n\nSHOW STATS;\n");
    assertThat(err.toString()).contains("broken.vql:1:8: VQL-SYNTAX-001");
  }

  @Test
  void helpAndUsage() {
    assertThat(vql("--help")).isZero();
    assertThat(out.toString()).contains("check").contains("fmt");
    assertThat(vql("check", "--help")).isZero();
    assertThat(out.toString()).contains("--dimension");
    assertThat(vql("fmt", "--help")).isZero();
    assertThat(out.toString()).contains("--check");
    assertThat(vql("fmt", "--no-such-option")).isEqualTo(2);
    assertThat(vql("check", dir.resolve("missing.vql").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("no such file");
    StringWriter o = new StringWriter();
    assertThat(Main.run(new String[] {"vql", "--help"}, new PrintWriter(o, true), new PrintWriter(new StringWriter(), true))).isZero();
    assertThat(o.toString()).contains("check");
  }
}
