package org.verisimdb.model.error;

import java.util.Objects;

/**
 * The one exception type for failures a user can see. It carries an {@link ErrorCode} (stable,
 * for programs), a message that says what happened, the offending value and what to do (for
 * people), and where the input was at fault, the path of the offending field
 * ({@code "vector.embedding[3]"}, {@code "document.fields.year"}).
 *
 * <p>Our own bugs use {@code IllegalArgumentException}, {@code IllegalStateException} and
 * {@code assert}; third-party exceptions are wrapped here once, at the edge, keeping the cause.
 */
public final class VeriSimException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String field;

  public VeriSimException(ErrorCode code, String message) {
    this(code, null, message, null);
  }

  public VeriSimException(ErrorCode code, String message, Throwable cause) {
    this(code, null, message, cause);
  }

  public VeriSimException(ErrorCode code, String field, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.code = Objects.requireNonNull(code, "code");
    this.field = field;
  }

  /** An input error at {@code field}; the message should name the bad value and the rule. */
  public static VeriSimException invalid(ErrorCode code, String field, String message) {
    return new VeriSimException(code, field, message, null);
  }

  public ErrorCode code() {
    return code;
  }

  /** The path of the offending input field, or null when the error is not about one field. */
  public String field() {
    return field;
  }

  /** The same error with its field path placed under {@code prefix} ("document" + "title"). */
  public VeriSimException under(String prefix) {
    String path = field == null ? prefix : prefix + "." + field;
    VeriSimException moved = new VeriSimException(code, path, getMessage(), getCause());
    moved.setStackTrace(getStackTrace());
    return moved;
  }

  @Override
  public String toString() {
    return code.id() + " " + code + (field == null ? "" : " at " + field) + ": " + getMessage();
  }
}
