package org.verisimdb.bench.query;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Iterator;
import java.util.List;
import org.verisimdb.engine.query.Result;
import org.verisimdb.engine.query.VqlException;
import org.verisimdb.engine.query.VqlSession;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.check.Bindings;

/**
 * Measures one query kind on one session: warm-up executions, then the EXPLAIN ANALYZE plan of
 * one more (printed), then the measured executions, each with freshly drawn parameters. A run
 * stops at the first failing execution and reports its error code instead of figures. Each
 * execution is timed from {@code execute} until every row is read and the result is closed;
 * drawing the parameters is outside the timed span. The thread's CPU time is taken over the same
 * span. Not thread-safe.
 */
final class KindRunner {
  private final VqlSession session;
  private final SampleParams params;
  private final PrintStream log;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  KindRunner(VqlSession session, SampleParams params, PrintStream log) {
    this.session = session;
    this.params = params;
    this.log = log;
  }

  /** What one execution returned. */
  private record Outcome(long rows, Value.Obj certificate) {}

  /** An execution failed: its code and message, and how many executions had succeeded before it. */
  private static final class Stop extends Exception {
    private static final long serialVersionUID = 1L;
    final String code;

    Stop(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  KindResult run(QueryKind kind, int warmup, int iterations) {
    log.printf("%n== %s: %s%n", kind.name(), kind.statement());
    int done = 0;
    List<String> plan = List.of();
    try {
      for (int i = 0; i < warmup; i++, done++) {
        execute(kind.statement(), bindings(kind));
      }
      Value.Obj explain = explain(kind);
      plan = PlanTree.lines(explain);
      List<String> operators = PlanTree.operators(explain);
      for (String line : plan) {
        log.println("   " + line);
      }
      long[] nanos = new long[iterations];
      long[] cpuNanos = new long[iterations];
      long rows = 0;
      long empty = 0;
      long certificates = 0;
      long verified = 0;
      String note = null;
      for (int i = 0; i < iterations; i++, done++) {
        Bindings b = bindings(kind);
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Outcome out = execute(kind.statement(), b);
        nanos[i] = System.nanoTime() - start;
        cpuNanos[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        rows += out.rows();
        empty += out.rows() == 0 ? 1 : 0;
        if (out.certificate() != null) {
          certificates++;
          if (out.certificate().get("verified") instanceof Value.Bool(boolean v) && v) {
            verified++;
          } else if (note == null) {
            note = unverifiedReason(out.certificate());
          }
        }
      }
      return KindResult.measured(kind, nanos, cpuNanos, rows, empty, certificates, verified, note, plan, operators);
    } catch (Stop e) {
      log.printf("   %s failed after %d executions: %s %s%n", kind.name(), done, e.code, e.getMessage());
      return KindResult.failed(kind, done, e.code, e.getMessage(), plan);
    }
  }

  private Bindings bindings(QueryKind kind) {
    return Bindings.positional(kind.params().apply(params));
  }

  private Outcome execute(String statement, Bindings b) throws Stop {
    try (Result r = session.execute(statement, b)) {
      long rows = 0;
      Iterator<Value.Obj> it = r.rows();
      while (it.hasNext()) {
        it.next();
        rows++;
      }
      return new Outcome(rows, r.certificate());
    } catch (VqlException e) {
      throw new Stop(e.code().id(), e.getMessage());
    } catch (VeriSimException e) {
      throw new Stop(e.code().id(), e.getMessage());
    }
  }

  private Value.Obj explain(QueryKind kind) throws Stop {
    try (Result r = session.execute("EXPLAIN ANALYZE " + kind.statement(), bindings(kind))) {
      r.rows().forEachRemaining(row -> { });
      return r.explain();
    } catch (VqlException e) {
      throw new Stop(e.code().id(), "EXPLAIN ANALYZE: " + e.getMessage());
    } catch (VeriSimException e) {
      throw new Stop(e.code().id(), "EXPLAIN ANALYZE: " + e.getMessage());
    }
  }

  /** The reason the first unverified proof of a certificate gives, or what the certificate says instead. */
  private static String unverifiedReason(Value.Obj certificate) {
    if (certificate.get("proofs") instanceof Value.Arr proofs) {
      for (Value p : proofs.elements()) {
        if (p instanceof Value.Obj o && !(o.get("verified") instanceof Value.Bool(boolean v) && v)) {
          return PlanTree.text(o.get("type")) + ": " + PlanTree.text(o.get("reason"));
        }
      }
    }
    return "verified=" + PlanTree.text(certificate.get("verified"));
  }
}
