package org.verisimdb.vql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.ast.Trees;
import org.verisimdb.vql.check.Catalog;
import org.verisimdb.vql.check.Checker;
import org.verisimdb.vql.format.Printer;
import org.verisimdb.vql.json.AstJson;
import org.verisimdb.vql.parse.ParsedScript;
import org.verisimdb.vql.parse.ParsedStatement;

/** Randomised properties of VQL.md §11.3 over generated statements, and robustness on garbage. */
class VqlPropertyTest {

  @Property(tries = 300)
  void randomTreesPrintAndReparseToTheSameTree(@ForAll long seed) {
    String text = new QueryGen(new Random(seed)).statement();
    ParsedStatement parsed = Vql.parse(text);
    assertThat(parsed.diagnostics()).as("seed=%d: %s", seed, text).isEmpty();
    Statement tree = parsed.statement();
    String printed = Printer.print(tree);
    ParsedStatement again = Vql.parse(printed);
    assertThat(again.diagnostics()).as("seed=%d printed:%n%s", seed, printed).isEmpty();
    assertThat(Trees.same(tree, again.statement())).as("seed=%d%n%s%n%s", seed, AstJson.toJson(tree, false), AstJson.toJson(again.statement(), false))
        .isTrue();
    assertThat(Printer.print(again.statement())).isEqualTo(printed);
  }

  @Property(tries = 200)
  void formattingIsIdempotentAndKeepsMeaning(@ForAll long seed) {
    QueryGen gen = new QueryGen(new Random(seed));
    String script = "-- lead\n" + gen.statement() + " /* mid */ ;\n" + gen.statement() + "\n-- tail";
    String once = Vql.format(script);
    assertThat(Vql.format(once)).as("seed=%d", seed).isEqualTo(once);
    ParsedScript a = Vql.parseScript(script);
    ParsedScript b = Vql.parseScript(once);
    assertThat(b.statements()).hasSameSizeAs(a.statements());
    for (int i = 0; i < a.statements().size(); i++) {
      assertThat(Trees.same(a.statements().get(i).statement(), b.statements().get(i).statement())).as("seed=%d statement %d", seed, i).isTrue();
    }
    assertThat(once).contains("-- lead").contains("/* mid */").contains("-- tail").endsWith("\n");
  }

  @Property(tries = 300)
  void tokenSoupsAndMutantsOnlyEverYieldDiagnostics(@ForAll long seed) {
    QueryGen gen = new QueryGen(new Random(seed));
    Robustness.survive(gen.soup());
    Robustness.survive(gen.mutant());
  }

  /** What every input must survive: parse, check, format, format again; never an exception. */
  static final class Robustness {
    private Robustness() {}

    static void survive(String input) {
      ParsedScript script = Vql.parseScript(input);
      for (ParsedStatement s : script.statements()) {
        if (s.statement() != null) {
          Checker.check(s.statement(), Catalogs.examples());
          Checker.check(s.statement(), Catalog.offline());
          AstJson.toJson(s.statement(), true);
        }
      }
      ParsedStatement request = Vql.parse(input);
      String formatted = Vql.format(input);
      if (script.diagnostics().isEmpty()) {
        String twice = Vql.format(formatted);
        if (!twice.equals(formatted)) {
          throw new AssertionError("formatting is not idempotent for:\n" + input + "\n---\n" + formatted + "\n---\n" + twice);
        }
      }
      request.diagnostics().forEach(d -> d.render(input));
    }
  }
}
