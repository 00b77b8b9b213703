package org.verisimdb.engine.query.exec;

import org.verisimdb.engine.query.VqlException;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.vql.diag.Diagnostic;
import org.verisimdb.vql.diag.DiagnosticCode;
import org.verisimdb.vql.diag.Span;

/** The VQL codes (§10.2) of failures from the engine below the query layer. */
final class Errors {
  private Errors() {}

  static VqlException of(VeriSimException e) {
    DiagnosticCode code = switch (e.code()) {
      case OCTAD_NOT_FOUND -> DiagnosticCode.EXEC_001;
      case OCTAD_ALREADY_EXISTS -> DiagnosticCode.EXEC_002;
      case WRITE_CONFLICT, VERSION_CONFLICT, LOCK_TIMEOUT, DEADLOCK_DETECTED -> DiagnosticCode.TX_004;
      case SERIALIZATION_FAILURE -> DiagnosticCode.TX_003;
      case TRANSACTION_ABORTED, TRANSACTION_CLOSED -> DiagnosticCode.TX_005;
      case VERSION_NOT_FOUND -> DiagnosticCode.EXEC_009;
      case INVALID_COORDINATE -> DiagnosticCode.VALUE_002;
      case INVALID_GEOMETRY -> DiagnosticCode.VALUE_003;
      case INVALID_ID -> DiagnosticCode.VALUE_001;
      case VECTOR_DIMENSION_MISMATCH -> DiagnosticCode.TYPE_002;
      case FIELD_NOT_WRITABLE -> DiagnosticCode.TYPE_009;
      case INVALID_CURSOR -> DiagnosticCode.EXEC_007;
      case INVALID_SEARCH -> DiagnosticCode.VALUE_008;
      case LIMIT_EXCEEDED, TRANSACTION_LIMIT -> DiagnosticCode.EXEC_005;
      case INDEX_UNAVAILABLE, EMBEDDING_UNAVAILABLE, BACKEND_UNAVAILABLE, DATABASE_CLOSED, DATABASE_LOCKED -> DiagnosticCode.EXEC_004;
      case INVALID_ARGUMENT, INVALID_VALUE, INVALID_GRAPH, INVALID_VECTOR, INVALID_TENSOR, INVALID_SEMANTIC, INVALID_DOCUMENT,
          INVALID_TEMPORAL, INVALID_PROVENANCE, CONSTRAINT_VIOLATION, QUERY_INVALID, INVALID_CONFIG, TRANSFER_INVALID,
          SCHEMA_NOT_FOUND -> DiagnosticCode.TYPE_010;
      case STORAGE_IO, STORAGE_CORRUPT, INTERNAL -> DiagnosticCode.EXEC_004;
    };
    return new VqlException(code, e.getMessage() + " (" + e.code().id() + ")");
  }

  /**
   * The VQL error of a rejected value written at {@code span}: the same code as {@link #of}, tied
   * to the text unless it is an EXEC or TX error, which are about the data, not the text (§10.1).
   */
  static VqlException at(VeriSimException e, Span span) {
    VqlException plain = of(e);
    String id = plain.code().id();
    if (span == null || id.startsWith("VQL-EXEC") || id.startsWith("VQL-TX")) {
      return plain;
    }
    return new VqlException(plain.code(), plain.getMessage(), span, null, java.util.Map.of(),
        java.util.List.of(Diagnostic.of(plain.code(), span, plain.getMessage())));
  }
}
