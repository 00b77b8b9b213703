package org.verisimdb.model.error;

/**
 * What kind of failure an {@link ErrorCode} is, decided once so that every protocol (the
 * embedded API, REST, gRPC, the shell) reports a failure the same way. Each protocol keeps one
 * small table from category to its own vocabulary (an HTTP status, a gRPC status, an exit code).
 */
public enum ErrorCategory {
  /** The thing named does not exist. */
  NOT_FOUND,
  /** The request is malformed or violates a rule of the data model; retrying it will not help. */
  INVALID_INPUT,
  /** The request contradicts the current state (the id exists, the expected version moved on). */
  CONFLICT,
  /** A transient conflict with concurrent work; the same request may succeed if retried. */
  RETRY,
  /** The request exceeds a configured size or count limit. */
  LIMIT,
  /** The caller is not allowed to do this. */
  AUTH,
  /** The work did not finish within its time limit. */
  TIMEOUT,
  /** The storage layer failed or found damaged data. */
  STORAGE,
  /** A component the request needs is not available (closed database, missing backend). */
  UNAVAILABLE,
  /** A defect in VeriSimDB itself. */
  INTERNAL
}
