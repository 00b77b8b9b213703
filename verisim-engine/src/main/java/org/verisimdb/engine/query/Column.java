package org.verisimdb.engine.query;

/**
 * A result column (VQL.md §9.1): its name as §5.2 gives it, and its type, one of {@code string},
 * {@code integer}, {@code float}, {@code boolean}, {@code timestamp}, {@code array}, {@code object},
 * {@code any} or {@code modality}.
 */
public record Column(String name, String type) {}
