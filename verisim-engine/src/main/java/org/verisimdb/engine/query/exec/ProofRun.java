package org.verisimdb.engine.query.exec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.drift.DriftScores;
import org.verisimdb.engine.query.proof.Certificate;
import org.verisimdb.engine.query.proof.Entry;
import org.verisimdb.engine.query.proof.ProofContext;
import org.verisimdb.engine.query.proof.ProofSpecs;
import org.verisimdb.engine.query.proof.ProofVerifier;
import org.verisimdb.engine.query.proof.Subjects;
import org.verisimdb.engine.query.value.ValueJson;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.vql.ast.AsOf;
import org.verisimdb.vql.ast.Clauses.ProofSpec;
import org.verisimdb.vql.ast.Statement;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.check.Bindings;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.format.Printer;

/**
 * The PROOF clause of a statement, run (VQL.md §7): resolves its specs with their parameters
 * bound (identical specs count once, P4), forms the subject set of §7.4, has the verifier check
 * every obligation on the statement's read view, and builds the certificate of §7.7 over the
 * page's rows. A verified certificate is returned with the result; otherwise the statement fails
 * with VQL-PROOF-001 carrying the certificate ({@link ProofFailure}) and no rows. A statement
 * without PROOF gets no certificate. Thread-safe; one per session.
 */
final class ProofRun {
  /** The issuer of certificates from an embedded database, which has no node name of its own. */
  static final String EMBEDDED_ISSUER = "embedded";

  /**
   * The certificate (null without PROOF), the warnings verifying gave (VQL-WARN-005 per vacuous
   * spec), and for EXPLAIN ANALYZE each written spec's outcome (a repeated spec shares its twin's).
   */
  record Outcome(Value.Obj certificate, List<Diagnostic> warnings, List<Explain.ProofOutcome> proofs) {
    static final Outcome NONE = new Outcome(null, List.of(), List.of());

    Outcome {
      warnings = List.copyOf(warnings);
      proofs = List.copyOf(proofs);
    }
  }

  /**
   * Where a statement read.
   *
   * @param reader its read view (for a mutation, the transaction's view including the write)
   * @param snapshot the snapshot time of its scope
   * @param transaction the id of the enclosing explicit transaction, or null
   */
  record View(RowReader reader, Instant snapshot, Long transaction) {}

  private final ProofVerifier verifier;
  private final DriftScores drift;
  private final Duration defaultFreshness;
  private final String issuer;

  ProofRun(ProofVerifier verifier, DriftScores drift, Duration defaultFreshness, String issuer) {
    this.verifier = verifier;
    this.drift = drift;
    this.defaultFreshness = defaultFreshness;
    this.issuer = issuer;
  }

  /**
   * The proofs of a SELECT over its page: the subjects are the octads of the page's rows, row
   * {@code i} being subject {@code i}, or for an aggregate query every octad that contributed to
   * the returned groups (then no subject has a row in the result tree).
   *
   * @param subjects the page's octads as {@code SelectRun.Page#subjects} lists them
   * @param rows the projected rows exactly as returned
   * @param report true under EXPLAIN ANALYZE: a failed proof is reported in the outcome instead
   *     of failing the statement (§8)
   * @throws VqlException VQL-PROOF-001 when a proof fails and {@code report} is false
   */
  Outcome select(Statement.Select s, Params params, List<OctadId> subjects, List<Value.Obj> rows, boolean aggregate, boolean report,
      View view) {
    if (s.proofs().isEmpty()) {
      return Outcome.NONE;
    }
    List<Subjects.Subject> list = new ArrayList<>(subjects.size());
    for (int i = 0; i < subjects.size(); i++) {
      OctadId id = subjects.get(i);
      list.add(new Subjects.Subject(id, view.reader().row(id).octad(), aggregate ? null : i));
    }
    return verify(s, s.proofs(), params, new Subjects(list), rows, asOf(s.asOf(), params), view, report);
  }

  /**
   * The proofs of an INSERT, UPDATE or DELETE, to be verified before it commits (§7.1 G3).
   * Intended call site: the mutation executor, once the write is staged in the transaction and
   * before it commits, with {@code view} reading the transaction's view including the write; if
   * this throws, the caller rolls the write back so that nothing is written. The subject is the
   * written octad after the write ({@code after}), or for a DELETE the octad before it
   * ({@code before}, {@code after} null); when one of the {@code returned} rows (RETURNING) has
   * its id, that row is its leaf in the result tree.
   *
   * @param before the octad before the write, null for an INSERT
   * @param after the octad after the write, null for a DELETE
   * @param returned the rows the statement returns, exactly as returned (empty without RETURNING)
   * @return the certificate (null when the statement has no PROOF) and the warnings
   * @throws VqlException VQL-PROOF-001 when a proof fails
   */
  Outcome verifyForMutation(Statement statement, Params params, Octad before, Octad after, List<Value.Obj> returned, View view) {
    List<ProofSpec> written = switch (statement) {
      case Statement.Insert i -> i.proofs();
      case Statement.Update u -> u.proofs();
      case Statement.Delete d -> d.proofs();
      default -> throw new IllegalArgumentException("not a mutation: " + statement.getClass().getSimpleName());
    };
    if (written.isEmpty()) {
      return Outcome.NONE;
    }
    Octad subject = after != null ? after : before;
    Subjects subjects = Subjects.NONE;
    if (subject != null) {
      Integer leaf = null;
      for (int i = 0; i < returned.size() && leaf == null; i++) {
        if (returned.get(i).get("id") instanceof Value.Str(String id) && id.equals(subject.id().value())) {
          leaf = i;
        }
      }
      subjects = new Subjects(List.of(new Subjects.Subject(subject.id(), subject, leaf)));
    }
    return verify(statement, written, params, subjects, returned, Value.NULL, view, false);
  }

  private Outcome verify(Statement statement, List<ProofSpec> written, Params params, Subjects subjects, List<Value.Obj> rows, Value asOf,
      View view, boolean report) {
    List<ProofSpecs.Spec> specs = new ArrayList<>();
    List<ProofSpec> sources = new ArrayList<>();
    int[] slot = new int[written.size()];
    for (int k = 0; k < written.size(); k++) {
      ProofSpecs.Spec spec = resolve(written.get(k), params);
      slot[k] = specs.indexOf(spec);
      if (slot[k] < 0) {
        slot[k] = specs.size();
        specs.add(spec);
        sources.add(written.get(k));
      }
    }
    List<byte[]> leaves = new ArrayList<>(rows.size());
    rows.forEach(r -> leaves.add(Certificate.canonical(r).getBytes(StandardCharsets.UTF_8)));
    RowReader reader = view.reader();
    ProofContext ctx = ProofContext.of(id -> Optional.ofNullable(reader.row(id).octad()), reader::versions, leaves, Instant.now(),
        defaultFreshness, drift);
    List<Entry> entries = new ArrayList<>(specs.size());
    double[] ms = new double[specs.size()];
    List<Diagnostic> warnings = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      long started = System.nanoTime();
      Entry e = verifyOne(specs.get(i), sources.get(i), subjects, ctx);
      ms[i] = (System.nanoTime() - started) / 1e6;
      entries.add(e);
      if (e.vacuous()) {
        warnings.add(Diagnostic.of(DiagnosticCode.WARN_005, sources.get(i).span(), "PROOF " + specs.get(i).label()
            + " holds vacuously: the statement has no subject octads"));
      }
    }
    Value.Obj certificate = Certificate.build(Printer.print(statement), parameters(params.bindings()),
        new Certificate.ReadView(view.snapshot(), asOf), view.transaction(), ctx.result(), entries, ctx.issuedAt(), issuer);
    if (!report && !Value.TRUE.equals(certificate.get("verified"))) {
      throw ProofFailure.of(certificate, entries, sources);
    }
    List<Explain.ProofOutcome> outcomes = new ArrayList<>(written.size());
    for (int k : slot) {
      outcomes.add(new Explain.ProofOutcome(ms[k], entries.get(k).verified(), entries.get(k).reason()));
    }
    return new Outcome(certificate, warnings, outcomes);
  }

  /** Verifies one spec; a parameter bound at run time with the wrong type or range is reported at the spec. */
  private Entry verifyOne(ProofSpecs.Spec spec, ProofSpec source, Subjects subjects, ProofContext ctx) {
    try {
      return verifier.verify(spec, subjects, ctx);
    } catch (VqlException e) {
      if (e.position() != null) {
        throw e;
      }
      throw new VqlException(e.code(), e.getMessage(), source.span(), e.hint(), e.details(),
          List.of(Diagnostic.of(e.code(), source.span(), e.getMessage())));
    }
  }

  /** A spec as the verifier takes it: type in upper case, argument {@code *}, an id or a contract name, parameters bound. */
  static ProofSpecs.Spec resolve(ProofSpec p, Params params) {
    String argument = ProofSpecs.ALL;
    if (p.argument() != null) {
      argument = switch (params.value(p.argument())) {
        case Value.Str(String s) -> s;
        case Value.Uuid(String u) -> u.toLowerCase(Locale.ROOT);
        case Value v -> throw VqlException.at(DiagnosticCode.VALUE_001, p.argument().span(),
            "the argument of " + p.type().text() + " must be an octad id or a contract name; found a " + v.typeName());
      };
    }
    Map<String, Value> bound = new LinkedHashMap<>();
    p.params().forEach(a -> bound.put(a.key().text(), params.value(a.value())));
    return new ProofSpecs.Spec(p.type().text().toUpperCase(Locale.ROOT), argument, bound);
  }

  /** The parameter values as bound: an array (positional), an object (named), or NULL when there are none. */
  static Value parameters(Bindings b) {
    if (b.positional() != null) {
      return ValueJson.fromPlain(b.positional());
    }
    return b.named() == null ? Value.NULL : ValueJson.fromPlain(b.named());
  }

  /** The certificate's {@code as_of}: the timestamp, version number or label of AS OF, else NULL. */
  static Value asOf(AsOf asOf, Params params) {
    return switch (asOf) {
      case null -> Value.NULL;
      case AsOf.AtTime t -> params.time(t.time());
      case AsOf.AtVersion v -> switch (params.value(v.version())) {
        case Value.Int n -> n;
        case Value.Uuid u -> new Value.Str(u.value());
        case Value other -> new Value.Str(params.string(v.version()));
      };
    };
  }
}
