package org.verisimdb.engine.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verisimdb.vql.ast.Value;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Span;

/**
 * A statement that failed, in the terms of VQL.md §10: a stable VQL code, a message, where in the
 * text (null when the error is not tied to it), a hint, whether a retry may succeed, details
 * (the certificate of a failed proof, …) and every diagnostic found. The query layer's one
 * exception type; failures of the engine below are translated into it at the boundary.
 */
public final class VqlException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final Set<DiagnosticCode> RETRYABLE =
      Set.of(DiagnosticCode.EXEC_003, DiagnosticCode.EXEC_004, DiagnosticCode.FED_002, DiagnosticCode.TX_003, DiagnosticCode.TX_004);

  private final DiagnosticCode code;
  private final transient Span position;
  private final String hint;
  private final transient Map<String, Value> details;
  private final transient List<Diagnostic> diagnostics;

  public VqlException(DiagnosticCode code, String message) {
    this(code, message, null, null, Map.of(), List.of());
  }

  public VqlException(DiagnosticCode code, String message, Span position, String hint, Map<String, Value> details, List<Diagnostic> diagnostics) {
    super(message);
    this.code = code;
    this.position = position;
    this.hint = hint;
    // Members keep the order they were given in, so the error object reads the same every time.
    this.details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The error of a statement whose analysis found errors: the first is the top-level error. */
  public static VqlException of(List<Diagnostic> diagnostics) {
    Diagnostic first = diagnostics.stream().filter(Diagnostic::isError).findFirst().orElseThrow();
    return new VqlException(first.code(), first.message(), first.span(), first.hint(), Map.of(), diagnostics);
  }

  /** An error at a position of the text. */
  public static VqlException at(DiagnosticCode code, Span span, String message) {
    return new VqlException(code, message, span, null, Map.of(), List.of(Diagnostic.of(code, span, message)));
  }

  public VqlException withHint(String newHint) {
    return new VqlException(code, getMessage(), position, newHint, details, diagnostics);
  }

  public VqlException withDetails(Map<String, Value> more) {
    return new VqlException(code, getMessage(), position, hint, more, diagnostics);
  }

  public DiagnosticCode code() {
    return code;
  }

  /** The offending text, or null when the error is not tied to the statement text. */
  public Span position() {
    return position;
  }

  public String hint() {
    return hint;
  }

  public boolean retryable() {
    return RETRYABLE.contains(code);
  }

  public Map<String, Value> details() {
    return details;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The error object of VQL.md §10.1. */
  public Value.Obj toErrorObject() {
    Map<String, Value> out = new LinkedHashMap<>();
    out.put("code", new Value.Str(code.id()));
    out.put("message", new Value.Str(getMessage()));
    if (position != null) {
      out.put("position", position(position));
    }
    if (hint != null) {
      out.put("hint", new Value.Str(hint));
    }
    out.put("retryable", retryable() ? Value.TRUE : Value.FALSE);
    out.put("details", new Value.Obj(details));
    List<Value> diags = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      diags.add(diagnosticObject(d));
    }
    out.put("diagnostics", new Value.Arr(diags));
    return new Value.Obj(out);
  }

  /** One diagnostic as §10.1 lists it: {@code severity}, {@code code}, {@code message}, {@code position}, {@code hint} if any. */
  public static Value.Obj diagnosticObject(Diagnostic d) {
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("severity", new Value.Str(d.severity().label()));
    m.put("code", new Value.Str(d.code().id()));
    m.put("message", new Value.Str(d.message()));
    m.put("position", position(d.span()));
    if (d.hint() != null) {
      m.put("hint", new Value.Str(d.hint()));
    }
    return new Value.Obj(m);
  }

  static Value.Obj position(Span s) {
    Map<String, Value> p = new LinkedHashMap<>();
    p.put("line", new Value.Int(s.line()));
    p.put("column", new Value.Int(s.column()));
    p.put("end_line", new Value.Int(s.endLine()));
    p.put("end_column", new Value.Int(s.endColumn()));
    return new Value.Obj(p);
  }

  @Override
  public String toString() {
    return code.id() + " " + getMessage();
  }
}
