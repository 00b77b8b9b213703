package org.verisimdb.model.error;

/**
 * Every failure a user can see, with a stable number and a category.
 *
 * <p>Numbers are never changed or reused; clients and tests rely on the code, never on the
 * message. Ranges: 1xxx not found, 2xxx conflicts, 3xxx invalid input, 4xxx limits, 5xxx
 * storage, 6xxx availability and configuration, 9xxx internal.
 */
public enum ErrorCode {
  /** No octad with the given id exists (or it was deleted). */
  OCTAD_NOT_FOUND(1001, ErrorCategory.NOT_FOUND),
  /** The octad has no such version (number, label or time), or it is older than the retained history. */
  VERSION_NOT_FOUND(1002, ErrorCategory.NOT_FOUND),
  /** No semantic type or contract with the given name is defined. */
  SCHEMA_NOT_FOUND(1003, ErrorCategory.NOT_FOUND),

  /**
   * A transaction wrote an octad that another transaction committed after its snapshot (first
   * committer wins), or a READ COMMITTED write no longer applies to the newest version; the
   * transaction is aborted: retry it.
   */
  WRITE_CONFLICT(2001, ErrorCategory.RETRY),
  /** An octad with the requested id already exists. */
  OCTAD_ALREADY_EXISTS(2002, ErrorCategory.CONFLICT),
  /** The octad's current version differs from the version the caller expected. */
  VERSION_CONFLICT(2003, ErrorCategory.CONFLICT),
  /** A SERIALIZABLE transaction read data another transaction changed before it committed; it is aborted: retry it. */
  SERIALIZATION_FAILURE(2004, ErrorCategory.RETRY),
  /** Waiting for a lock would close a cycle of waiting transactions; this one was chosen to abort: retry it. */
  DEADLOCK_DETECTED(2005, ErrorCategory.RETRY),
  /** A lock stayed held by another transaction for longer than {@code txn.lock_timeout_ms}; retry later. */
  LOCK_TIMEOUT(2006, ErrorCategory.RETRY),
  /** The transaction was aborted earlier (a conflict, a deadlock, a limit); only a rollback is accepted now. */
  TRANSACTION_ABORTED(2007, ErrorCategory.CONFLICT),
  /** The transaction is already committed or rolled back, or one is already open where none may be. */
  TRANSACTION_CLOSED(2008, ErrorCategory.CONFLICT),

  /** A request argument outside the data model (a limit, a cursor, a name) is invalid. */
  INVALID_ARGUMENT(3001, ErrorCategory.INVALID_INPUT),
  /** An octad id does not match the id syntax. */
  INVALID_ID(3002, ErrorCategory.INVALID_INPUT),
  /** A value (document field, semantic property, literal) has an invalid form. */
  INVALID_VALUE(3003, ErrorCategory.INVALID_INPUT),
  /** Graph data is invalid: a predicate, an edge target or a duplicate edge. */
  INVALID_GRAPH(3010, ErrorCategory.INVALID_INPUT),
  /** A vector is invalid: empty, non-finite, or a bad model name. */
  INVALID_VECTOR(3011, ErrorCategory.INVALID_INPUT),
  /** A vector's length differs from the database's configured dimension. */
  VECTOR_DIMENSION_MISMATCH(3012, ErrorCategory.INVALID_INPUT),
  /** A tensor is invalid: shape and data disagree, a non-finite element, an unknown dtype. */
  INVALID_TENSOR(3013, ErrorCategory.INVALID_INPUT),
  /** Semantic data is invalid: a type name, a property, a stored proof or a seal. */
  INVALID_SEMANTIC(3014, ErrorCategory.INVALID_INPUT),
  /** A document is invalid: a field name, a non-string title or body, or no fields at all. */
  INVALID_DOCUMENT(3015, ErrorCategory.INVALID_INPUT),
  /** Temporal data is invalid: a label, message or valid-from time. */
  INVALID_TEMPORAL(3016, ErrorCategory.INVALID_INPUT),
  /** Provenance data is invalid: an event type, an actor, a hash or a broken link on write. */
  INVALID_PROVENANCE(3017, ErrorCategory.INVALID_INPUT),
  /** A latitude, longitude or altitude is out of range or not finite. */
  INVALID_COORDINATE(3018, ErrorCategory.INVALID_INPUT),
  /** A WKT geometry is malformed or unsupported, or a spatial reference id is invalid. */
  INVALID_GEOMETRY(3019, ErrorCategory.INVALID_INPUT),
  /** A patch sets a field that is computed or written only as a whole modality. */
  FIELD_NOT_WRITABLE(3020, ErrorCategory.INVALID_INPUT),
  /** A list cursor is malformed or belongs to another listing. */
  INVALID_CURSOR(3021, ErrorCategory.INVALID_INPUT),
  /** A write breaks a constraint declared by one of the octad's semantic types (required, pattern, range, contract). */
  CONSTRAINT_VIOLATION(3022, ErrorCategory.INVALID_INPUT),
  /** A search request is malformed: a query without terms, a bad k or radius, an invalid polygon, a bad traversal. */
  INVALID_SEARCH(3023, ErrorCategory.INVALID_INPUT),
  /** A configuration file, property or environment variable is invalid. */
  INVALID_CONFIG(3030, ErrorCategory.INVALID_INPUT),
  /** An import or restore source is incomplete, altered or malformed; the message says where. */
  TRANSFER_INVALID(3040, ErrorCategory.INVALID_INPUT),
  /** A VQL statement has errors; its diagnostics are attached. */
  QUERY_INVALID(3100, ErrorCategory.INVALID_INPUT),

  /** A value, collection or whole octad exceeds a size limit. */
  LIMIT_EXCEEDED(4001, ErrorCategory.LIMIT),
  /** A transaction ran longer, stayed idle longer or wrote more than the txn.* limits allow; it is aborted. */
  TRANSACTION_LIMIT(4002, ErrorCategory.LIMIT),

  /** Reading or writing the database's files failed. */
  STORAGE_IO(5001, ErrorCategory.STORAGE),
  /** Stored data failed a checksum or format check. */
  STORAGE_CORRUPT(5002, ErrorCategory.STORAGE),

  /** The configured storage backend is not on the classpath or cannot start. */
  BACKEND_UNAVAILABLE(6001, ErrorCategory.UNAVAILABLE),
  /** The database has been closed. */
  DATABASE_CLOSED(6002, ErrorCategory.UNAVAILABLE),
  /** The database directory is in use by another process or another open instance. */
  DATABASE_LOCKED(6003, ErrorCategory.UNAVAILABLE),
  /** A modality index is being rebuilt, failed, or fell too far behind; the message says which and what to do. */
  INDEX_UNAVAILABLE(6004, ErrorCategory.UNAVAILABLE),
  /** The embedding model could not be loaded or failed on an input. */
  EMBEDDING_UNAVAILABLE(6005, ErrorCategory.UNAVAILABLE),

  /** A defect in VeriSimDB; the message says what was being done. Please report it. */
  INTERNAL(9001, ErrorCategory.INTERNAL);

  private final int number;
  private final ErrorCategory category;

  ErrorCode(int number, ErrorCategory category) {
    this.number = number;
    this.category = category;
  }

  /** The stable number of this code, never reused. */
  public int number() {
    return number;
  }

  public ErrorCategory category() {
    return category;
  }

  /** True when the same request may succeed if retried unchanged. */
  public boolean retryable() {
    return category == ErrorCategory.RETRY;
  }

  /** The stable external form, e.g. {@code VERISIM-1001}. */
  public String id() {
    return "VERISIM-" + number;
  }
}
