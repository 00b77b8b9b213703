package org.verisimdb.vql.check;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verisimdb.vql.ast.Clauses.Assign;
import org.verisimdb.vql.ast.Clauses.ProofSpec;
import org.verisimdb.vql.ast.Expr;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.ast.Name;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Hints;

/**
 * The VQL-DT rules P1–P4 of VQL.md §7.2 and the obligations of §7.3–7.4: proof types, argument
 * kinds, WITH parameters of the built-in types and of contracts, required modalities, and a
 * deterministic cost estimate per obligation (milliseconds per subject, below).
 */
final class ProofRules {
  /** The eleven proof types, each with its per-subject cost estimate in ms (implementation-defined, §8). */
  static final Map<String, Double> COST_MS = new LinkedHashMap<>();

  static {
    COST_MS.put("EXISTENCE", 0.05);
    COST_MS.put("INTEGRITY", 0.5);
    COST_MS.put("CONSISTENCY", 1.0);
    COST_MS.put("PROVENANCE", 0.3);
    COST_MS.put("FRESHNESS", 0.05);
    COST_MS.put("ACCESS", 0.05);
    COST_MS.put("CITATION", 0.2);
    COST_MS.put("CUSTOM", 1.0);
    COST_MS.put("ZKP", 250.0);
    COST_MS.put("PROVEN", 0.5);
    COST_MS.put("SANCTIFY", 0.5);
  }

  private static final Set<String> CONTRACT_TYPES = Set.of("INTEGRITY", "CUSTOM", "ZKP");
  private static final Map<String, List<String>> PARAMS = Map.of("EXISTENCE", List.of(), "INTEGRITY", List.of("chain"), "CONSISTENCY",
      List.of("max_drift", "pair"), "PROVENANCE", List.of("min_length", "actor", "source"), "FRESHNESS", List.of("max_age"), "ACCESS",
      List.of("permission"), "CITATION", List.of("relation", "max_depth", "min_count"), "PROVEN", List.of("type", "claim", "issuer"),
      "SANCTIFY", List.of("min_level", "sanctifier"));

  private ProofRules() {}

  /** P1: one of the eleven types (VQL-NAME-004). */
  static boolean knownType(Context ctx, Name type) {
    if (COST_MS.containsKey(type.text())) {
      return true;
    }
    ctx.error(DiagnosticCode.NAME_004, type.span(), "unknown proof type '" + type.text() + "'", Hints.didYouMean(type.text(), COST_MS.keySet()));
    return false;
  }

  /** Checks the specs and returns one obligation per spec; {@code subjects} is the estimated subject count for '*'. */
  static List<Obligation> check(Context ctx, List<ProofSpec> specs, long subjects) {
    List<Obligation> obligations = new ArrayList<>();
    for (ProofSpec spec : specs) {
      if (!knownType(ctx, spec.type())) {
        continue;
      }
      String type = spec.type().text();
      Contract contract = argument(ctx, spec, type);
      if (type.equals("CUSTOM") || type.equals("ZKP")) {
        if (contract != null) {
          Contracts.params(ctx, contract, spec.params(), spec.span());
        } else {
          Contracts.duplicates(ctx, spec.params());
        }
      } else {
        builtInParams(ctx, type, spec.params());
      }
      long n = spec.argument() != null && !CONTRACT_TYPES.contains(type) ? 1 : subjects;
      double perSubject = COST_MS.get(type) * (type.equals("CITATION") ? depth(ctx, spec) : 1) * (fullChain(ctx, spec) ? 4 : 1);
      obligations.add(new Obligation(type, argumentText(spec), required(type, contract, ctx, spec), n, Math.round(perSubject * n * 1000) / 1000.0));
    }
    return obligations;
  }

  private static String argumentText(ProofSpec spec) {
    if (spec.argument() == null) {
      return "*";
    }
    StringBuilder out = new StringBuilder();
    org.verisimdb.vql.format.Literal.term(out, spec.argument());
    String text = out.toString();
    return text.startsWith("'") ? ((Expr.Lit) spec.argument()).value() instanceof Value.Str s ? s.value() : text : text;
  }

  /** P2: the argument's kind; returns the contract of a contract type when the catalog knows it. */
  private static Contract argument(Context ctx, ProofSpec spec, String type) {
    if (!CONTRACT_TYPES.contains(type)) {
      if (spec.argument() != null) {
        ctx.octadId(spec.argument());
      }
      return null;
    }
    if (spec.argument() == null) {
      if (!type.equals("INTEGRITY")) {
        ctx.error(DiagnosticCode.TYPE_007, spec.span(), type + "(*) is not allowed: " + type + " takes the name of a registered contract");
      }
      return null;
    }
    String name = ctx.string(spec.argument(), "a contract name");
    if (name == null) {
      return null;
    }
    Contract.Kind kind = switch (type) {
      case "INTEGRITY" -> Contract.Kind.INTEGRITY;
      case "ZKP" -> Contract.Kind.ZKP;
      default -> Contract.Kind.PREDICATE;
    };
    return Contracts.lookup(ctx, new Name(spec.argument().span(), name), kind, type);
  }

  /** P3 for the built-in types. */
  private static void builtInParams(Context ctx, String type, List<Assign> params) {
    Contracts.duplicates(ctx, params);
    List<String> allowed = PARAMS.getOrDefault(type, List.of());
    for (Assign a : params) {
      String key = a.key().text();
      if (!allowed.contains(key)) {
        String hint = Hints.didYouMean(key, allowed);
        ctx.error(DiagnosticCode.NAME_009, a.key().span(), allowed.isEmpty() ? type + " takes no parameters" : "unknown parameter '" + key + "' of " + type
            + "; expected " + String.join(", ", allowed), hint);
        continue;
      }
      switch (key) {
        case "max_drift" -> range(ctx, a, 0, 1);
        case "min_length", "min_count" -> range(ctx, a, 1, Long.MAX_VALUE);
        case "max_depth" -> {
          Long n = ctx.integer(a.value(), "an integer max_depth");
          if (n != null && n < 1) {
            ctx.error(DiagnosticCode.VALUE_006, a.value().span(), "max_depth must be at least 1; found " + n);
          } else if (n != null && n > ctx.catalog.maxHops()) {
            ctx.error(DiagnosticCode.LIMIT_002, a.value().span(), "max_depth " + n + " is above graph.max_hops (" + ctx.catalog.maxHops() + ")");
          }
        }
        case "chain" -> oneOf(ctx, a, List.of("head", "full"));
        case "permission" -> oneOf(ctx, a, List.of("READ", "WRITE", "DELETE", "ADMIN"));
        case "min_level" -> oneOf(ctx, a, List.of("basic", "standard", "high"));
        case "pair" -> pair(ctx, a);
        case "max_age" -> duration(ctx, a);
        default -> ctx.string(a.value(), "a string for '" + key + "'");
      }
    }
  }

  private static void range(Context ctx, Assign a, double min, double max) {
    Double d = a.key().text().equals("max_drift") ? ctx.number(a.value(), "a number") : toDouble(ctx.integer(a.value(), "an integer"));
    if (d != null && (d < min || d > max)) {
      ctx.error(DiagnosticCode.VALUE_006, a.value().span(), a.key().text() + " " + d + " is out of range"
          + (max == Long.MAX_VALUE ? " (at least " + (long) min + ")" : " [" + min + ", " + max + "]"));
    }
  }

  private static Double toDouble(Long n) {
    return n == null ? null : n.doubleValue();
  }

  private static void oneOf(Context ctx, Assign a, List<String> values) {
    String s = ctx.string(a.value(), "a string for '" + a.key().text() + "'");
    if (s != null && !values.contains(s)) {
      ctx.error(DiagnosticCode.VALUE_006, a.value().span(), a.key().text() + " must be one of " + String.join(", ", values) + "; found '" + s + "'",
          Hints.didYouMean(s, values));
    }
  }

  private static void pair(Context ctx, Assign a) {
    String s = ctx.string(a.value(), "a pair 'M1,M2'");
    if (s == null) {
      return;
    }
    String[] parts = s.split(",", -1);
    Modality first = parts.length == 2 ? Modality.byName(parts[0].strip()) : null;
    Modality second = parts.length == 2 ? Modality.byName(parts[1].strip()) : null;
    if (first == null || second == null) {
      ctx.error(DiagnosticCode.VALUE_006, a.value().span(), "pair must name two modalities as 'M1,M2'; found '" + s + "'");
    } else if (first == second) {
      ctx.error(DiagnosticCode.TYPE_012, a.value().span(), "pair names " + first + " twice; DRIFT needs two different modalities");
    }
  }

  private static void duration(Context ctx, Assign a) {
    String s = ctx.string(a.value(), "an ISO 8601 duration such as 'PT1H'");
    if (s == null) {
      return;
    }
    try {
      if (Duration.parse(s).isNegative()) {
        ctx.error(DiagnosticCode.VALUE_006, a.value().span(), "max_age must not be negative; found '" + s + "'");
      }
    } catch (DateTimeParseException e) {
      ctx.error(DiagnosticCode.VALUE_004, a.value().span(), "invalid duration '" + s + "': expected ISO 8601 such as 'PT1H' or 'P1D'");
    }
  }

  private static long depth(Context ctx, ProofSpec spec) {
    for (Assign a : spec.params()) {
      if (a.key().text().equals("max_depth") && ctx.value(a.value()) instanceof Value.Int i && i.value() > 0) {
        return Math.min(i.value(), ctx.catalog.maxHops());
      }
    }
    return 1;
  }

  private static boolean fullChain(Context ctx, ProofSpec spec) {
    return spec.params().stream().anyMatch(a -> a.key().text().equals("chain") && ctx.value(a.value()) instanceof Value.Str s && s.value().equals("full"));
  }

  /** Required modalities (§7.3); P5: never a static requirement, only what the engine fetches. */
  private static Set<Modality> required(String type, Contract contract, Context ctx, ProofSpec spec) {
    return switch (type) {
      case "EXISTENCE", "ACCESS" -> Set.of();
      case "INTEGRITY" -> {
        Set<Modality> m = EnumSet.allOf(Modality.class);
        if (contract != null) {
          m = EnumSet.copyOf(contract.modalities().isEmpty() ? EnumSet.allOf(Modality.class) : contract.modalities());
        }
        m.add(Modality.TEMPORAL);
        yield m;
      }
      case "CONSISTENCY" -> {
        for (Assign a : spec.params()) {
          if (a.key().text().equals("pair") && ctx.value(a.value()) instanceof Value.Str s && s.value().split(",").length == 2) {
            Modality first = Modality.byName(s.value().split(",")[0].strip());
            Modality second = Modality.byName(s.value().split(",")[1].strip());
            if (first != null && second != null) {
              yield EnumSet.of(first, second);
            }
          }
        }
        yield EnumSet.allOf(Modality.class);
      }
      case "PROVENANCE" -> Set.of(Modality.PROVENANCE);
      case "FRESHNESS" -> Set.of(Modality.TEMPORAL);
      case "CITATION" -> Set.of(Modality.GRAPH);
      case "PROVEN", "SANCTIFY" -> Set.of(Modality.SEMANTIC);
      default -> contract == null ? Set.of() : contract.modalities();
    };
  }
}
